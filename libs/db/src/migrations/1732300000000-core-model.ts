import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core model of DESIGN.md §3. Append-only: later changes get their own migration.
 * High-volume tables (post, contact, thread, message, note, audit_event) use bigint identities;
 * tenants, people and channels use uuids.
 */
export class CoreModel1732300000000 implements MigrationInterface {
  name = 'CoreModel1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspace (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        timezone text NOT NULL DEFAULT 'Europe/Berlin',
        business_hours jsonb NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent', 'analyst')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_workspace_idx ON users (workspace_id)`);
    await q.query(`
      CREATE TABLE channel_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        network text NOT NULL CHECK (network IN ('facebook', 'x', 'linkedin', 'youtube', 'xing')),
        external_id text NOT NULL,
        display_name text NOT NULL,
        handle text,
        status text NOT NULL DEFAULT 'connected'
          CHECK (status IN ('connected', 'needs_reauth', 'paused', 'error')),
        credentials_encrypted text,
        credentials_expire_at timestamptz,
        sync_state jsonb NOT NULL DEFAULT '{}',
        last_synced_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        consecutive_auth_failures integer NOT NULL DEFAULT 0,
        rate_budget jsonb NOT NULL DEFAULT '{}',
        followers integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT channel_account_external_unique UNIQUE (workspace_id, network, external_id)
      )`);
    await q.query(`
      CREATE TABLE post (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_account(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        text text NOT NULL DEFAULT '',
        url text,
        published_at timestamptz NOT NULL,
        reactions_count integer,
        comments_count integer,
        shares_count integer,
        views_count bigint,
        counts_read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_external_unique UNIQUE (channel_account_id, external_id)
      )`);
    await q.query(`CREATE INDEX post_workspace_published_idx ON post (workspace_id, published_at DESC)`);
    await q.query(`
      CREATE TABLE contact (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_account(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        name text,
        handle text,
        avatar_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_external_unique UNIQUE (channel_account_id, external_id)
      )`);
    await q.query(`
      CREATE TABLE thread (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_account(id) ON DELETE CASCADE,
        network text NOT NULL,
        thread_key text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('comment', 'direct', 'mention')),
        contact_id bigint REFERENCES contact(id) ON DELETE SET NULL,
        post_id bigint REFERENCES post(id) ON DELETE SET NULL,
        post_external_id text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'closed')),
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        tags text[] NOT NULL DEFAULT '{}',
        priority smallint NOT NULL DEFAULT 0,
        first_inbound_at timestamptz,
        first_response_at timestamptz,
        last_inbound_at timestamptz,
        last_message_at timestamptz NOT NULL,
        waiting_since timestamptz,
        unread_count integer NOT NULL DEFAULT 0,
        message_count integer NOT NULL DEFAULT 0,
        last_message_preview text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT thread_key_unique UNIQUE (channel_account_id, thread_key)
      )`);
    // The inbox list is a keyset page over (workspace, status, last_message_at desc, id desc),
    // optionally narrowed by assignee, network or channel: one index per narrowing.
    await q.query(
      `CREATE INDEX thread_inbox_idx ON thread (workspace_id, status, last_message_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX thread_inbox_assignee_idx ON thread (workspace_id, assignee_id, status, last_message_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX thread_inbox_network_idx ON thread (workspace_id, network, status, last_message_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX thread_inbox_channel_idx ON thread (channel_account_id, status, last_message_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX thread_tags_idx ON thread USING gin (tags)`);
    await q.query(`CREATE INDEX thread_contact_idx ON thread (contact_id)`);
    await q.query(`CREATE INDEX thread_post_idx ON thread (post_id)`);
    await q.query(`
      CREATE TABLE message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        channel_account_id uuid NOT NULL REFERENCES channel_account(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        external_id text,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        is_from_account boolean NOT NULL DEFAULT false,
        parent_external_id text,
        author_contact_id bigint REFERENCES contact(id) ON DELETE SET NULL,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL,
        attachments jsonb,
        url text,
        created_at timestamptz NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        delivery text CHECK (delivery IN ('queued', 'sending', 'sent', 'failed')),
        delivery_error text,
        delivery_attempts integer NOT NULL DEFAULT 0,
        intent text CHECK (intent IN ('discount_request', 'purchase_intent', 'product_question',
                                      'complaint_support', 'praise', 'other_spam')),
        sentiment real CHECK (sentiment BETWEEN -1 AND 1),
        raw jsonb,
        deleted boolean NOT NULL DEFAULT false,
        hidden boolean NOT NULL DEFAULT false,
        CONSTRAINT message_outbound_has_delivery CHECK (direction = 'inbound' OR delivery IS NOT NULL OR external_id IS NOT NULL)
      )`);
    // The idempotency key of ingestion: a network id is stored once per channel account.
    await q.query(
      `CREATE UNIQUE INDEX message_external_unique ON message (channel_account_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX message_thread_idx ON message (thread_id, created_at, id)`);
    await q.query(`CREATE INDEX message_workspace_created_idx ON message (workspace_id, created_at)`);
    await q.query(
      `CREATE INDEX message_outbound_pending_idx ON message (channel_account_id, delivery) WHERE delivery IN ('queued', 'sending')`,
    );
    await q.query(`
      CREATE TABLE note (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        thread_id bigint NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX note_thread_idx ON note (thread_id, created_at)`);
    await q.query(`
      CREATE TABLE canned_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        title text NOT NULL,
        text text NOT NULL,
        shortcut text,
        language text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX canned_response_workspace_idx ON canned_response (workspace_id, title)`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_workspace_idx ON audit_event (workspace_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'canned_response',
      'note',
      'message',
      'thread',
      'contact',
      'post',
      'channel_account',
      'users',
      'workspace',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
