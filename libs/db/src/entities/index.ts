import { AuditEvent } from './audit-event.entity';
import { CannedResponse } from './canned-response.entity';
import { ChannelAccount } from './channel-account.entity';
import { Contact } from './contact.entity';
import { Message } from './message.entity';
import { Note } from './note.entity';
import { Post } from './post.entity';
import { Session } from './session.entity';
import { Thread } from './thread.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

export { AuditEvent, CannedResponse, ChannelAccount, Contact, Message, Note, Post, Session, Thread, User, Workspace };
export type { BusinessHours } from './workspace.entity';
export type { SyncState } from './channel-account.entity';

/** The explicit entity list of the DataSource (no globs: they break on dist/ and in tests). */
export const ENTITIES = [Workspace, User, ChannelAccount, Post, Contact, Thread, Message, Note, CannedResponse, AuditEvent, Session];
