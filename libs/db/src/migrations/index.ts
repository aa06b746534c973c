import { CoreModel1732300000000 } from './1732300000000-core-model';
import { InboxApi1732400000000 } from './1732400000000-inbox-api';
import { Reports1732500000000 } from './1732500000000-reports';
import { OauthConnect1732600000000 } from './1732600000000-oauth-connect';
import { Security1732700000000 } from './1732700000000-security';
import { InboxAllIndex1732800000000 } from './1732800000000-inbox-all-index';
import { MessageActions1732950000000 } from './1732950000000-message-actions';
import { CommenterSpans1733000000000 } from './1733000000000-commenter-spans';
import { IngestRedundantKeys1733100000000 } from './1733100000000-ingest-redundant-keys';
import { ThreadCommentRollups1733200000000 } from './1733200000000-thread-comment-rollups';
import { IngestReferenceChecks1733400000000 } from './1733400000000-ingest-reference-checks';
import { ReportReadRollups1733500000000 } from './1733500000000-report-read-rollups';
import { SessionEndNotify1733620000000 } from './1733620000000-session-end-notify';
import { OutboundRecovery1733630000000 } from './1733630000000-outbound-recovery';
import { WorkspaceTimezoneCheck1733660000000 } from './1733660000000-workspace-timezone-check';
import { AccessLinks1733700000000 } from './1733700000000-access-links';
import { PerceptionGap1733800000000 } from './1733800000000-perception-gap';
import { DrillDownIndex1733810000000 } from './1733810000000-drill-down-index';
import { LabelCorrections1733820000000 } from './1733820000000-label-corrections';
import { InboxTriage1733830000000 } from './1733830000000-inbox-triage';
import { Notifications1733850000000 } from './1733850000000-notifications';
import { Sla1733860000000 } from './1733860000000-sla';
import { ModerationEverywhere1733900000000 } from './1733900000000-moderation-everywhere';
import { Rules1733920000000 } from './1733920000000-rules';
import { SpamSignal1733930000000 } from './1733930000000-spam-signal';
import { Instagram1733960000000 } from './1733960000000-instagram';
import { ExternalClassifier1733970000000 } from './1733970000000-external-classifier';
import { PrivateReplies1733980000000 } from './1733980000000-private-replies';
import { RuleRunAudit1734000000000 } from './1734000000000-rule-run-audit';

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS = [
  CoreModel1732300000000,
  InboxApi1732400000000,
  Reports1732500000000,
  OauthConnect1732600000000,
  Security1732700000000,
  InboxAllIndex1732800000000,
  MessageActions1732950000000,
  CommenterSpans1733000000000,
  IngestRedundantKeys1733100000000,
  ThreadCommentRollups1733200000000,
  IngestReferenceChecks1733400000000,
  ReportReadRollups1733500000000,
  SessionEndNotify1733620000000,
  OutboundRecovery1733630000000,
  WorkspaceTimezoneCheck1733660000000,
  AccessLinks1733700000000,
  PerceptionGap1733800000000,
  DrillDownIndex1733810000000,
  LabelCorrections1733820000000,
  InboxTriage1733830000000,
  Notifications1733850000000,
  Sla1733860000000,
  ModerationEverywhere1733900000000,
  Rules1733920000000,
  SpamSignal1733930000000,
  Instagram1733960000000,
  ExternalClassifier1733970000000,
  PrivateReplies1733980000000,
  RuleRunAudit1734000000000,
];
