-- The platform's tables. States are check constraints, e-mails are unique
-- case-insensitively, jsonb columns have GIN indexes, every table keeps
-- updated_at current through one trigger function.

create or replace function public.set_updated_at() returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Staff ----------------------------------------------------------------------

-- One profile per auth user (Supabase Auth or the embedded local sign-in).
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null check (email like '%_@_%'),
  display_name text check (char_length(display_name) <= 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index profiles_email_key on public.profiles (lower(email));

create function public.handle_new_auth_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, display_name)
  values (new.id, coalesce(new.email, ''), new.raw_user_meta_data ->> 'display_name')
  on conflict (id) do nothing;
  return new;
end
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function public.handle_new_auth_user();

create table public.roles (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z][a-z0-9_-]{1,39}$'),
  description text not null default '' check (char_length(description) <= 500),
  -- Roles the platform relies on (admin) cannot be deleted through the API.
  is_system boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.permissions (
  key text primary key check (key ~ '^[a-z_]+\.[a-z_]+$'),
  description text not null
);

create table public.role_permissions (
  role_id uuid not null references public.roles (id) on delete cascade,
  permission text not null references public.permissions (key) on delete cascade,
  primary key (role_id, permission)
);
create index role_permissions_permission_idx on public.role_permissions (permission);

create table public.user_roles (
  user_id uuid not null references public.profiles (id) on delete cascade,
  role_id uuid not null references public.roles (id) on delete cascade,
  granted_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (user_id, role_id)
);
create index user_roles_role_idx on public.user_roles (role_id);

-- Visitors -------------------------------------------------------------------

create table public.form_submissions (
  id uuid primary key default gen_random_uuid(),
  form text not null default 'contact' check (form in ('contact')),
  name text not null check (char_length(name) between 1 and 120),
  email text not null check (email like '%_@_%' and char_length(email) <= 254),
  subject text check (char_length(subject) <= 200),
  message text not null check (char_length(message) between 1 and 5000),
  page_path text check (char_length(page_path) <= 500),
  status text not null default 'new' check (status in ('new', 'handled', 'spam')),
  -- Request facts kept for abuse handling (user agent, salted IP hash), never the raw IP.
  metadata jsonb not null default '{}'::jsonb,
  handled_by uuid references public.profiles (id) on delete set null,
  handled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index form_submissions_inbox_idx on public.form_submissions (status, created_at desc);
create index form_submissions_metadata_idx on public.form_submissions using gin (metadata);

-- Double opt-in. Tokens are stored as SHA-256 hashes and cleared once used,
-- so a link works once and a database dump cannot confirm or unsubscribe anyone.
create table public.newsletter_subscriptions (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email like '%_@_%' and char_length(email) <= 254),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'unsubscribed')),
  confirm_token_hash text unique,
  unsubscribe_token_hash text unique,
  source_path text check (char_length(source_path) <= 500),
  consent_text text,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'confirmed' or confirmed_at is not null),
  check (status <> 'unsubscribed' or unsubscribed_at is not null)
);
create unique index newsletter_subscriptions_email_key on public.newsletter_subscriptions (lower(email));
create index newsletter_subscriptions_status_idx on public.newsletter_subscriptions (status, created_at desc);

-- Side effects -----------------------------------------------------------------

-- Everything that leaves the system (mail, GitHub dispatches, outgoing
-- webhooks) is written here in the same transaction as its cause, then
-- delivered with retries and backoff.
create table public.outbox (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('email', 'github_dispatch', 'webhook')),
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 10 check (max_attempts > 0),
  next_attempt_at timestamptz not null default now(),
  -- A worker's claim on the row; another worker may take it after this time.
  locked_until timestamptz,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'delivered' or delivered_at is not null)
);
create index outbox_due_idx on public.outbox (next_attempt_at) where status = 'pending';
create index outbox_payload_idx on public.outbox using gin (payload);

create table public.audit_log (
  id bigint generated always as identity primary key,
  actor_id uuid references public.profiles (id) on delete set null,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_type text,
  target_id text,
  detail jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on public.audit_log (created_at desc);
create index audit_log_target_idx on public.audit_log (target_type, target_id);
create index audit_log_detail_idx on public.audit_log using gin (detail);

-- Used by later issues ---------------------------------------------------------

create table public.analytics_events (
  id bigint generated always as identity primary key,
  name text not null check (name ~ '^[a-z][a-z0-9_.]{0,63}$'),
  path text not null check (char_length(path) <= 500),
  referrer text check (char_length(referrer) <= 500),
  -- Daily-salted hash of the visit, never an identifier that outlives the day.
  visit_hash text,
  properties jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index analytics_events_name_created_idx on public.analytics_events (name, created_at desc);
create index analytics_events_path_idx on public.analytics_events (path, created_at desc);
create index analytics_events_properties_idx on public.analytics_events using gin (properties);

create table public.webhooks (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 120),
  url text not null check (url ~ '^https://'),
  -- Signing secret of outgoing deliveries (HMAC), shown once at creation.
  secret text not null check (char_length(secret) >= 32),
  events text[] not null default '{}' check (cardinality(events) > 0),
  active boolean not null default true,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  webhook_id uuid not null references public.webhooks (id) on delete cascade,
  event text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  response_status integer check (response_status between 100 and 599),
  response_body text check (char_length(response_body) <= 2000),
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_deliveries_webhook_idx on public.webhook_deliveries (webhook_id, created_at desc);
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_payload_idx on public.webhook_deliveries using gin (payload);

-- One row per Sanity publish webhook (idempotency key = Sanity's
-- idempotency-key header or transaction id), then one row per stage it went
-- through: received → refreshed → build_requested → deployed.
create table public.publish_events (
  id uuid primary key default gen_random_uuid(),
  idempotency_key text not null unique check (char_length(idempotency_key) <= 200),
  dataset text not null,
  document_ids text[] not null default '{}',
  routes text[] not null default '{}',
  status text not null default 'received'
    check (status in ('received', 'refreshed', 'build_requested', 'deployed', 'failed')),
  error text,
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index publish_events_received_idx on public.publish_events (received_at desc);
create index publish_events_documents_idx on public.publish_events using gin (document_ids);

create table public.publish_event_stages (
  id bigint generated always as identity primary key,
  publish_event_id uuid not null references public.publish_events (id) on delete cascade,
  stage text not null check (stage in (
    'received', 'refreshed', 'refresh_failed', 'build_requested', 'build_request_failed',
    'deployed', 'deploy_failed', 'superseded'
  )),
  environment text check (environment ~ '^[a-z][a-z0-9-]{0,30}$'),
  detail jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index publish_event_stages_event_idx on public.publish_event_stages (publish_event_id, created_at);
create index publish_event_stages_detail_idx on public.publish_event_stages using gin (detail);

-- updated_at on every table that has it.
do $$
declare
  table_name text;
begin
  foreach table_name in array array[
    'profiles', 'roles', 'form_submissions', 'newsletter_subscriptions', 'outbox',
    'webhooks', 'webhook_deliveries', 'publish_events'
  ] loop
    execute format(
      'create trigger set_updated_at before update on public.%I for each row execute function public.set_updated_at()',
      table_name
    );
  end loop;
end
$$;
