import { useState, type SubmitEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import {
  INTENTS,
  NETWORKS,
  RULE_ACTION_TYPES,
  RULE_CONDITION_TYPES,
  RULE_KINDS,
  validateRule,
  type RuleAction,
  type RuleActionType,
  type RuleCondition,
  type RuleConditionType,
  type RuleInput,
  type RuleWire,
} from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { useAssignees } from '../inbox/list-assignees';
import { useCanned } from './canned-responses';
import { useSaveRule } from './rules';

const PRIORITIES = [0, 1, 2, 3] as const;
const NEW_RULE: RuleInput = { name: '', enabled: true, mode: 'suggest', stopAfter: false, conditions: [], actions: [{ type: 'hide' }] };

function newCondition(type: RuleConditionType): RuleCondition {
  switch (type) {
    case 'network':
      return { type, networks: [] };
    case 'channel':
      return { type, channelIds: [] };
    case 'kind':
      return { type, kinds: ['comment'] };
    case 'intent':
      return { type, intents: [] };
    case 'sentiment':
      return { type, below: -0.3 };
    case 'keywords':
      return { type, words: [] };
    case 'regex':
      return { type, pattern: '' };
    case 'author':
      return { type, list: 'block', authors: [] };
    default:
      return { type };
  }
}

function newAction(type: RuleActionType): RuleAction {
  switch (type) {
    case 'assign':
      return { type, userId: '' };
    case 'priority':
      return { type, priority: 2 };
    case 'tags':
      return { type, tags: [] };
    case 'reply':
      return { type, cannedResponseId: '' };
    default:
      return { type };
  }
}

/** The inputs a condition of this type has (none for link, first-time, outside hours, spam). */
function ConditionFields({ c, set }: { c: RuleCondition; set: (c: RuleCondition) => void }) {
  const { t } = useI18n();
  const size = 'xs';
  switch (c.type) {
    case 'network':
      return (
        <MultiSelect
          size={size}
          aria-label={t('rules.condition.network')}
          data={NETWORKS.map((n) => ({ value: n, label: t(`network.${n}`) }))}
          value={c.networks}
          onChange={(v) => set({ ...c, networks: NETWORKS.filter((n) => v.includes(n)) })}
        />
      );
    case 'channel':
      return <TagsInput size={size} aria-label={t('rules.condition.channel')} value={c.channelIds} onChange={(v) => set({ ...c, channelIds: v })} />;
    case 'kind':
      return (
        <MultiSelect
          size={size}
          aria-label={t('rules.condition.kind')}
          data={RULE_KINDS.map((k) => ({ value: k, label: t(`channel.${k}`) }))}
          value={c.kinds}
          onChange={(v) => set({ ...c, kinds: RULE_KINDS.filter((k) => v.includes(k)) })}
        />
      );
    case 'intent':
      return (
        <MultiSelect
          size={size}
          aria-label={t('rules.condition.intent')}
          data={INTENTS.map((i) => ({ value: i, label: t(`intent.${i}`) }))}
          value={c.intents}
          onChange={(v) => set({ ...c, intents: INTENTS.filter((i) => v.includes(i)) })}
        />
      );
    case 'sentiment': {
      const num = (v: string | number) => (v === '' ? undefined : Number(v));
      return (
        <Group gap="xs" grow>
          <NumberInput
            size={size}
            label={t('rules.sentimentBelow')}
            min={-1}
            max={1}
            step={0.1}
            decimalScale={2}
            value={c.below ?? ''}
            onChange={(v) => set({ ...c, below: num(v) })}
          />
          <NumberInput
            size={size}
            label={t('rules.sentimentAbove')}
            min={-1}
            max={1}
            step={0.1}
            decimalScale={2}
            value={c.above ?? ''}
            onChange={(v) => set({ ...c, above: num(v) })}
          />
        </Group>
      );
    }
    case 'keywords':
      return <TagsInput size={size} label={t('rules.words')} value={c.words} onChange={(v) => set({ ...c, words: v })} data-testid="rule-words" />;
    case 'regex':
      return (
        <TextInput size={size} label={t('rules.pattern')} value={c.pattern} onChange={(e) => set({ ...c, pattern: e.currentTarget.value })} ff="monospace" />
      );
    case 'author':
      return (
        <Stack gap={4}>
          <Select
            size={size}
            aria-label={t('rules.authorList')}
            allowDeselect={false}
            data={[
              { value: 'block', label: t('rules.authorList.block') },
              { value: 'allow', label: t('rules.authorList.allow') },
            ]}
            value={c.list}
            onChange={(v) => set({ ...c, list: v === 'allow' ? 'allow' : 'block' })}
          />
          <TagsInput size={size} label={t('rules.authors')} value={c.authors} onChange={(v) => set({ ...c, authors: v })} />
        </Stack>
      );
    default:
      return null;
  }
}

function ActionFields({ a, set }: { a: RuleAction; set: (a: RuleAction) => void }) {
  const { t } = useI18n();
  const assignees = useAssignees();
  const canned = useCanned();
  switch (a.type) {
    case 'assign':
      return (
        <Select
          size="xs"
          aria-label={t('rules.action.assign')}
          placeholder={t('rules.select')}
          data={(assignees.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={a.userId || null}
          onChange={(v) => set({ ...a, userId: v ?? '' })}
        />
      );
    case 'priority':
      return (
        <Select
          size="xs"
          aria-label={t('rules.action.priority')}
          allowDeselect={false}
          data={PRIORITIES.map((p) => ({ value: String(p), label: t(`priority.${p}`) }))}
          value={String(a.priority)}
          onChange={(v) => set({ ...a, priority: Number(v ?? 0) })}
        />
      );
    case 'tags':
      return <TagsInput size="xs" aria-label={t('rules.action.tags')} value={a.tags} onChange={(v) => set({ ...a, tags: v })} />;
    case 'reply':
      return (
        <Stack gap={2}>
          <Select
            size="xs"
            aria-label={t('rules.action.reply')}
            placeholder={t('rules.select')}
            data={(canned.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            value={a.cannedResponseId || null}
            onChange={(v) => set({ ...a, cannedResponseId: v ?? '' })}
          />
          <Text size="xs" c="dimmed">
            {t('rules.replyNote')}
          </Text>
        </Stack>
      );
    default:
      return null;
  }
}

/** The editable part of a rule (the API refuses the rest: its id, position and counts are not the admin's to send). */
const inputOf = ({ name, enabled, mode, stopAfter, conditions, actions }: RuleWire): RuleInput => ({ name, enabled, mode, stopAfter, conditions, actions });

/** Create or edit one rule: name, mode, active, stop after; its conditions and actions. Checked as the API checks before it is sent. */
export function RuleEditor({ rule, onDone }: { rule: RuleWire | null; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const save = useSaveRule();
  const [form, setForm] = useState<RuleInput>(rule ? inputOf(rule) : NEW_RULE);
  const [problem, setProblem] = useState<string | null>(null);
  const setCondition = (i: number, c: RuleCondition | null) =>
    setForm({ ...form, conditions: c ? form.conditions.map((x, j) => (j === i ? c : x)) : form.conditions.filter((_, j) => j !== i) });
  const setAction = (i: number, a: RuleAction | null) =>
    setForm({ ...form, actions: a ? form.actions.map((x, j) => (j === i ? a : x)) : form.actions.filter((_, j) => j !== i) });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const found = validateRule(form);
    if (found) {
      setProblem(t('rules.problemAt', { problem: t(`errors.${found.code}`), path: found.path }));
      return;
    }
    setProblem(null);
    save.mutate(
      { ...form, id: rule?.id },
      {
        onSuccess: () => {
          notify(t('rules.saved'));
          onDone();
        },
        onError: (error) => setProblem(errorText(error)),
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="rule-editor">
      <Stack gap="sm">
        <TextInput
          size="xs"
          required
          label={t('rules.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          data-testid="rule-name"
        />
        <Group gap="md" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label={t('rules.mode')}
            data={[
              { value: 'suggest', label: t('rules.mode.suggest') },
              { value: 'auto', label: t('rules.mode.auto') },
            ]}
            value={form.mode}
            onChange={(v) => setForm({ ...form, mode: v === 'auto' ? 'auto' : 'suggest' })}
            data-testid="rule-mode-control"
          />
          <Switch size="sm" label={t('rules.enabled')} checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
        </Group>
        <Checkbox size="xs" label={t('rules.stopAfter')} checked={form.stopAfter} onChange={(e) => setForm({ ...form, stopAfter: e.currentTarget.checked })} />
        <Text size="sm" fw={600}>
          {t('rules.conditions')}
        </Text>
        {!form.conditions.length && (
          <Text size="xs" c="dimmed">
            {t('rules.noConditions')}
          </Text>
        )}
        {form.conditions.map((c, i) => (
          <Card key={i} withBorder p="xs" data-testid="rule-condition">
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text size="xs" fw={600}>
                {t(`rules.condition.${c.type}`)}
              </Text>
              <Button size="compact-xs" variant="subtle" color="red.9" c="red.9" onClick={() => setCondition(i, null)}>
                {t('rules.remove')}
              </Button>
            </Group>
            <ConditionFields c={c} set={(next) => setCondition(i, next)} />
          </Card>
        ))}
        <Select
          size="xs"
          maw={320}
          aria-label={t('rules.addCondition')}
          placeholder={t('rules.addCondition')}
          data={RULE_CONDITION_TYPES.map((type) => ({ value: type, label: t(`rules.condition.${type}`) }))}
          value={null}
          onChange={(v) => {
            const type = RULE_CONDITION_TYPES.find((x) => x === v);
            if (type) setForm({ ...form, conditions: [...form.conditions, newCondition(type)] });
          }}
          data-testid="rule-add-condition"
        />
        <Text size="sm" fw={600}>
          {t('rules.actions')}
        </Text>
        {form.actions.map((a, i) => (
          <Card key={i} withBorder p="xs" data-testid="rule-action">
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text size="xs" fw={600}>
                {t(`rules.action.${a.type}`)}
              </Text>
              <Button size="compact-xs" variant="subtle" color="red.9" c="red.9" onClick={() => setAction(i, null)}>
                {t('rules.remove')}
              </Button>
            </Group>
            <ActionFields a={a} set={(next) => setAction(i, next)} />
          </Card>
        ))}
        <Select
          size="xs"
          maw={320}
          aria-label={t('rules.addAction')}
          placeholder={t('rules.addAction')}
          data={RULE_ACTION_TYPES.map((type) => ({ value: type, label: t(`rules.action.${type}`) }))}
          value={null}
          onChange={(v) => {
            const type = RULE_ACTION_TYPES.find((x) => x === v);
            if (type) setForm({ ...form, actions: [...form.actions, newAction(type)] });
          }}
          data-testid="rule-add-action"
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" type="submit" loading={save.isPending} data-testid="rule-save">
            {t('common.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
