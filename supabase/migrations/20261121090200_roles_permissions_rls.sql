-- Permissions, default roles and row-level security on every table.
--
-- The API roles get table privileges as on Supabase (where they are granted
-- by default); what each may see or change is decided by the policies below.
-- anon has no policy anywhere: visitors reach the database only through the
-- server, which stores forms as service_role (it bypasses RLS).

insert into public.permissions (key, description) values
  ('submissions.read', 'Lire les messages reçus par le formulaire de contact'),
  ('submissions.update', 'Traiter les messages (traité, indésirable)'),
  ('newsletter.read', 'Voir et exporter les inscrits à la lettre d’information'),
  ('users.manage', 'Gérer les comptes de l’équipe et leurs rôles'),
  ('roles.manage', 'Créer et modifier les rôles et leurs permissions'),
  ('publish_events.read', 'Suivre les publications jusqu’à leur mise en ligne'),
  ('analytics.read', 'Consulter les statistiques de fréquentation'),
  ('audit.read', 'Consulter le journal des actions'),
  ('webhooks.manage', 'Gérer les webhooks sortants')
on conflict (key) do nothing;

insert into public.roles (name, description, is_system) values
  ('admin', 'Administration complète du site', true),
  ('secretariat', 'Secrétariat : messages et lettre d’information', false),
  ('editor', 'Rédaction : suivi des publications et statistiques', false)
on conflict (name) do nothing;

insert into public.role_permissions (role_id, permission)
select roles.id, permissions.key
from public.roles, public.permissions
where roles.name = 'admin'
   or (roles.name = 'secretariat' and permissions.key in ('submissions.read', 'submissions.update', 'newsletter.read'))
   or (roles.name = 'editor' and permissions.key in ('publish_events.read', 'analytics.read'))
on conflict do nothing;

-- Whether the signed-in user (auth.uid()) holds a permission through one of
-- their roles. security definer: policies call it without needing read
-- access to user_roles themselves; search_path pinned against hijacking.
create or replace function public.has_permission(required text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1
    from public.user_roles
    join public.role_permissions on role_permissions.role_id = user_roles.role_id
    where user_roles.user_id = auth.uid()
      and role_permissions.permission = required
  )
$$;
revoke all on function public.has_permission(text) from public;
grant execute on function public.has_permission(text) to authenticated, service_role;

grant usage on schema public to anon, authenticated, service_role;
grant select, insert, update, delete on all tables in schema public to anon, authenticated, service_role;
grant usage, select on all sequences in schema public to anon, authenticated, service_role;

do $$
declare
  table_name text;
begin
  foreach table_name in array array[
    'profiles', 'roles', 'permissions', 'role_permissions', 'user_roles',
    'form_submissions', 'newsletter_subscriptions', 'outbox', 'audit_log',
    'analytics_events', 'webhooks', 'webhook_deliveries', 'publish_events', 'publish_event_stages'
  ] loop
    execute format('alter table public.%I enable row level security', table_name);
  end loop;
end
$$;

-- Staff accounts: everyone sees their own profile; user managers see and change all.
create policy profiles_select on public.profiles for select to authenticated
  using (id = auth.uid() or public.has_permission('users.manage'));
create policy profiles_update_own on public.profiles for update to authenticated
  using (id = auth.uid()) with check (id = auth.uid());
create policy profiles_update_managed on public.profiles for update to authenticated
  using (public.has_permission('users.manage')) with check (public.has_permission('users.manage'));
create policy profiles_delete on public.profiles for delete to authenticated
  using (public.has_permission('users.manage') and id <> auth.uid());

-- Role names and permission lists are not secret to staff; changing them is.
create policy roles_select on public.roles for select to authenticated using (true);
create policy roles_insert on public.roles for insert to authenticated
  with check (public.has_permission('roles.manage'));
create policy roles_update on public.roles for update to authenticated
  using (public.has_permission('roles.manage')) with check (public.has_permission('roles.manage'));
create policy roles_delete on public.roles for delete to authenticated
  using (public.has_permission('roles.manage') and not is_system);

create policy permissions_select on public.permissions for select to authenticated using (true);

create policy role_permissions_select on public.role_permissions for select to authenticated using (true);
create policy role_permissions_insert on public.role_permissions for insert to authenticated
  with check (public.has_permission('roles.manage'));
create policy role_permissions_delete on public.role_permissions for delete to authenticated
  using (public.has_permission('roles.manage'));

create policy user_roles_select on public.user_roles for select to authenticated
  using (user_id = auth.uid() or public.has_permission('users.manage'));
create policy user_roles_insert on public.user_roles for insert to authenticated
  with check (public.has_permission('users.manage'));
-- Nobody removes their own roles: an admin cannot lock the association out by mistake.
create policy user_roles_delete on public.user_roles for delete to authenticated
  using (public.has_permission('users.manage') and user_id <> auth.uid());

create policy form_submissions_select on public.form_submissions for select to authenticated
  using (public.has_permission('submissions.read'));
create policy form_submissions_update on public.form_submissions for update to authenticated
  using (public.has_permission('submissions.update')) with check (public.has_permission('submissions.update'));

create policy newsletter_subscriptions_select on public.newsletter_subscriptions for select to authenticated
  using (public.has_permission('newsletter.read'));

create policy audit_log_select on public.audit_log for select to authenticated
  using (public.has_permission('audit.read'));

create policy analytics_events_select on public.analytics_events for select to authenticated
  using (public.has_permission('analytics.read'));

create policy webhooks_all on public.webhooks for all to authenticated
  using (public.has_permission('webhooks.manage')) with check (public.has_permission('webhooks.manage'));
create policy webhook_deliveries_select on public.webhook_deliveries for select to authenticated
  using (public.has_permission('webhooks.manage'));

create policy publish_events_select on public.publish_events for select to authenticated
  using (public.has_permission('publish_events.read'));
create policy publish_event_stages_select on public.publish_event_stages for select to authenticated
  using (public.has_permission('publish_events.read'));

-- outbox: no policy at all. Only the server (service_role) reads or writes it.
