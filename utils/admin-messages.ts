/**
 * French text for the codes the back office's form routes put in the URL
 * after a redirect (`?notice=…`, `?erreur=…&champ=…`). Only known codes are
 * shown: a crafted link cannot make a page say something else.
 */
const NOTICES: Record<string, string> = {
  signed_out: 'Vous êtes déconnecté·e.',
  submission_handled: 'Message marqué comme traité.',
  submission_spam: 'Message classé comme indésirable.',
  submission_new: 'Message remis à traiter.',
  user_created: 'Compte créé.',
  user_updated: 'Rôles enregistrés.',
  user_deleted: 'Compte supprimé.',
  role_created: 'Rôle créé.',
  role_updated: 'Rôle enregistré.',
}

const ERRORS: Record<string, string> = {
  session: 'Votre session a expiré : reconnectez-vous.',
  invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
  rate_limited: 'Trop de tentatives. Patientez une minute avant de réessayer.',
  local_sign_in_disabled: 'La connexion locale est désactivée en production : le site doit être relié à Supabase Auth.',
  no_staff_access: 'Ce compte n’a pas accès à l’espace équipe.',
  auth_unavailable: 'Le service de connexion ne répond pas. Réessayez dans quelques minutes.',
  auth_misconfigured: 'La connexion est mal configurée sur le serveur. Prévenez la personne qui administre le site.',
  database_unavailable: 'La base de données ne répond pas. Réessayez dans quelques minutes.',
  cross_site_request: 'Formulaire refusé : il ne venait pas de ce site. Rechargez la page et réessayez.',
  forbidden: 'Vous n’avez pas l’autorisation de faire cette action.',
  not_found: 'Élément introuvable : il a peut-être été supprimé entre-temps.',
  validation_failed: 'Un champ est invalide.',
  email_taken: 'Un compte existe déjà avec cette adresse e-mail.',
  own_roles: 'Vous ne pouvez pas retirer vos propres rôles : demandez-le à un autre administrateur.',
  own_account: 'Vous ne pouvez pas supprimer votre propre compte.',
  role_name_taken: 'Un rôle porte déjà ce nom.',
  system_role: 'Ce rôle est un rôle système : seule sa description peut changer.',
  invite_unavailable: 'Invitation impossible d’ici : invitez la personne depuis le tableau de bord Supabase, puis attribuez-lui ses rôles.',
  invite_failed: 'Supabase a refusé l’invitation.',
  payload_too_large: 'Le formulaire envoyé est trop volumineux.',
}

const FIELDS: Record<string, string> = {
  email: 'adresse e-mail',
  password: 'mot de passe (12 caractères au moins)',
  display_name: 'nom affiché (120 caractères au plus)',
  roles: 'rôles',
  name: 'nom du rôle (2 à 40 caractères : minuscules, chiffres, - ou _, en commençant par une lettre)',
  description: 'description (500 caractères au plus)',
  permissions: 'permissions',
  status: 'statut',
}

const first = (value: unknown) => String(Array.isArray(value) ? value[0] : value ?? '')

/** The notice to show for this page's query, if any. */
export function adminNotice(query: Record<string, unknown>): string | undefined {
  return NOTICES[first(query.notice)]
}

/** The error to show for this page's query, if any: known codes only, the field named when there is one. */
export function adminError(query: Record<string, unknown>): string | undefined {
  const code = first(query.erreur)
  if (!code) return undefined
  const message = ERRORS[code] ?? 'L’action n’a pas pu aboutir. Réessayez.'
  const field = FIELDS[first(query.champ)]
  return field ? `${message} Vérifiez : ${field}.` : message
}

/** « 21 novembre 2026, 14:05 » */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? `${formatDate(value)}, ${formatTime(value)}` : ''
}
