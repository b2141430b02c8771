/**
 * The documents of the embedded dataset, in French, following
 * docs/content-model.md to the letter. Typography (’, « », non-breaking
 * spaces) is finished by the generator; `_key`s and `_rev`s are added there.
 */
import { paris, shiftHours, system } from './dates.ts'
import { h2, h3, ol, p, pt, quote, ul, type JsonObject } from './portable-text.ts'

export type ImageFn = (name: string, alt: string, caption?: string) => JsonObject

/** Appears only in draft documents: tests assert it never reaches the public site. */
export const DRAFT_MARKER = 'BROUILLON-7F3A'

const HA = 'https://www.helloasso.com/associations/gpm'
const MEMBERSHIP_URL = {
  individuelle: `${HA}/adhesions/adhesion-individuelle`,
  solidaire: `${HA}/adhesions/adhesion-solidaire`,
  bienfaiteur: `${HA}/adhesions/membre-bienfaiteur`,
}

const ref = (id: string): JsonObject => ({ _type: 'reference', _ref: id })
const slug = (current: string): JsonObject => ({ _type: 'slug', current })
const seo = (title: string, description: string, image?: JsonObject): JsonObject => ({
  _type: 'seo', title, description, ...(image ? { image } : {}), noIndex: false,
})
const pathLink = (label: string, path: string): JsonObject => ({ _type: 'link', label, linkType: 'path', path })
const internalLink = (label: string, id: string): JsonObject => ({ _type: 'link', label, linkType: 'internal', internal: ref(id) })
const externalLink = (label: string, url: string): JsonObject => ({ _type: 'link', label, linkType: 'external', url })

/** Editorial timestamps: the dataset was set up in late summer 2025 and last touched in November 2026. */
const SETUP = '2025-08-25T08:30:00Z'
const LAST_EDIT = '2026-11-16T09:45:00Z'

function stamp(created: string, updated: string): JsonObject {
  return { _createdAt: system(created), _updatedAt: system(updated) }
}

// ---------------------------------------------------------------------------
// Formations

interface SessionInput {
  date: string
  endDate?: string
  from: string
  to: string
  format: 'presentiel' | 'distanciel'
  venue: string
  city?: string
  capacity: number
  registrations: number
  /** Default: the HelloAsso event URL built from the slug and month; `null`: no URL at all. */
  url?: string | null
}

function sessions(formationSlug: string, list: SessionInput[]): JsonObject[] {
  return list.map((s) => {
    const url = s.url === undefined ? `${HA}/evenements/${formationSlug}-${s.date.slice(0, 7)}` : s.url
    return {
      _type: 'formationSession',
      start: paris(s.date, s.from),
      end: paris(s.endDate ?? s.date, s.to),
      format: s.format,
      venue: s.venue,
      ...(s.city ? { city: s.city } : {}),
      capacity: s.capacity,
      registrations: s.registrations,
      ...(url === null ? {} : { registrationUrl: url }),
    }
  })
}

const price = (label: string, amount: number, note?: string): JsonObject => ({ _type: 'price', label, amount, ...(note ? { note } : {}) })
const memberPrices = (member: number, nonMember: number, note?: string) => [
  price('Tarif adhérent', member, note),
  price('Tarif non adhérent', nonMember, note),
]

const MAISON_ASSOS = 'Maison des associations, 28 rue Denfert-Rochereau'
const LOCAL_GPM = 'Locaux de GPM, 12 rue des Tanneurs'
const VISIO = 'Classe virtuelle (lien de connexion envoyé par courriel)'

interface FormationInput {
  slug: string
  title: string
  summary: string
  body: JsonObject[]
  cover?: JsonObject
  category: string
  level: 'debutant' | 'intermediaire' | 'avance' | 'tous'
  duration: string
  prices: JsonObject[]
  sessions: SessionInput[]
  objectives: string[]
  prerequisites: string[]
  audience: string
  instructors: string[]
  created: string
  updated: string
  /** Default: '<title> — formation GPM'; set when that exceeds 60 characters. */
  seoTitle?: string
}

function formation(f: FormationInput): JsonObject {
  return {
    _id: `formation-${f.slug}`,
    _type: 'formation',
    ...stamp(f.created, f.updated),
    title: f.title,
    slug: slug(f.slug),
    summary: f.summary,
    body: f.body,
    ...(f.cover ? { coverImage: f.cover } : {}),
    category: ref(f.category),
    level: f.level,
    duration: f.duration,
    prices: f.prices,
    sessions: sessions(f.slug, f.sessions),
    objectives: f.objectives,
    prerequisites: f.prerequisites,
    audience: f.audience,
    instructors: f.instructors.map(ref),
    seo: seo(f.seoTitle ?? `${f.title} — formation GPM`, f.summary),
  }
}

// ---------------------------------------------------------------------------

export function buildDocuments(image: ImageFn): JsonObject[] {
  const docs: JsonObject[] = []

  // ---- Singletons ---------------------------------------------------------

  const heroImage = image('cover-home', 'Illustration : collines aux couleurs douces sous un soleil levant')

  docs.push({
    _id: 'siteSettings',
    _type: 'siteSettings',
    ...stamp(SETUP, '2026-10-02T14:10:00Z'),
    title: 'GPM',
    tagline: 'Se former pour mieux agir ensemble',
    description: 'GPM est une association de formation et d’entraide : elle accompagne les bénévoles, les salariés et les dirigeants associatifs avec des formations pratiques, des rencontres entre pairs et des ressources pour faire vivre les projets collectifs.',
    logo: image('logo-gpm', 'Logo de GPM'),
    contact: {
      email: 'contact@gpm.fr',
      phone: '04 65 71 20 45',
      address: 'GPM\n12 rue des Tanneurs\n69007 Lyon',
    },
    socialLinks: [
      { _type: 'socialLink', platform: 'facebook', url: 'https://www.facebook.com/gpm.asso' },
      { _type: 'socialLink', platform: 'instagram', url: 'https://www.instagram.com/gpm.asso' },
      { _type: 'socialLink', platform: 'linkedin', url: 'https://www.linkedin.com/company/gpm-asso' },
    ],
    helloAssoOrganization: 'gpm',
    seo: seo(
      'GPM — formations et vie associative',
      'Formations pour bénévoles et salariés associatifs, adhésion, actualités : découvrez GPM, association de formation et d’entraide basée à Lyon.',
      heroImage,
    ),
  })

  docs.push({
    _id: 'navigation',
    _type: 'navigation',
    ...stamp(SETUP, '2026-09-15T10:20:00Z'),
    headerLinks: [
      pathLink('Formations', '/formations'),
      pathLink('Adhésion', '/adhesion'),
      pathLink('Actualités', '/actualites'),
      internalLink('L’association', 'page-a-propos'),
      internalLink('Contact', 'page-contact'),
    ],
    headerCta: pathLink('Adhérer', '/adhesion'),
    footerColumns: [
      {
        _type: 'footerColumn',
        title: 'L’association',
        links: [
          internalLink('Qui sommes-nous ?', 'page-a-propos'),
          internalLink('L’équipe', 'page-equipe'),
          pathLink('Actualités', '/actualites'),
          internalLink('Nous contacter', 'page-contact'),
        ],
      },
      {
        _type: 'footerColumn',
        title: 'Se former',
        links: [
          pathLink('Toutes les formations', '/formations'),
          internalLink('Secourisme : le PSC1', 'formation-prevention-secours-civiques-psc1'),
          pathLink('Adhérer à GPM', '/adhesion'),
          internalLink('Questions sur l’adhésion', 'page-adhesion-faq'),
        ],
      },
      {
        _type: 'footerColumn',
        title: 'Nous suivre',
        links: [
          externalLink('Facebook', 'https://www.facebook.com/gpm.asso'),
          externalLink('Instagram', 'https://www.instagram.com/gpm.asso'),
          externalLink('LinkedIn', 'https://www.linkedin.com/company/gpm-asso'),
        ],
      },
    ],
    legalLinks: [
      internalLink('Mentions légales', 'page-mentions-legales'),
      internalLink('Politique de confidentialité', 'page-politique-de-confidentialite'),
    ],
  })

  docs.push({
    _id: 'home',
    _type: 'home',
    ...stamp(SETUP, LAST_EDIT),
    title: 'Accueil',
    blocks: [
      {
        _type: 'hero',
        heading: 'Se former, s’engager, agir ensemble',
        text: 'GPM accompagne celles et ceux qui font vivre les associations : des formations concrètes, animées par des praticiens, et un réseau d’entraide pour ne plus rester seul face aux questions du quotidien.',
        image: heroImage,
        actions: [
          pathLink('Voir les formations', '/formations'),
          pathLink('Adhérer à GPM', '/adhesion'),
        ],
      },
      {
        _type: 'keyFigures',
        heading: 'GPM en quelques chiffres',
        figures: [
          { _type: 'keyFigure', value: '1\u00a0850', label: 'personnes formées depuis 2015' },
          { _type: 'keyFigure', value: '42', label: 'sessions de formation par an' },
          { _type: 'keyFigure', value: '430', label: 'adhérents, particuliers et associations' },
          { _type: 'keyFigure', value: '96 %', label: 'des participants recommandent nos formations' },
        ],
      },
      {
        _type: 'formationList',
        heading: 'Prochaines formations',
        mode: 'upcoming',
        limit: 3,
      },
      {
        _type: 'membershipTiers',
        heading: 'Rejoindre l’association',
        intro: 'Adhérer, c’est soutenir un projet collectif et profiter de tarifs réduits sur toutes nos formations. Chacun contribue selon ses moyens.',
      },
      {
        _type: 'testimonials',
        heading: 'Ils et elles en parlent',
        items: [
          {
            _type: 'testimonial',
            quote: 'La formation comptabilité m’a enlevé une sacrée épine du pied. Je sais enfin lire un bilan et le présenter sereinement à notre assemblée générale.',
            author: 'Nadia R.',
            role: 'Trésorière d’un club de basket',
            photo: image('portrait-nadia', 'Portrait illustré de Nadia R.'),
          },
          {
            _type: 'testimonial',
            quote: 'On repart avec des outils qu’on utilise dès le lundi suivant. Et les échanges avec les autres participants valent de l’or.',
            author: 'Bastien L.',
            role: 'Coordinateur d’un centre social',
            photo: image('portrait-bastien', 'Portrait illustré de Bastien L.'),
          },
          {
            _type: 'testimonial',
            quote: 'J’ai adhéré pour les formations, je suis restée pour les rencontres. GPM, c’est un vrai réseau d’entraide.',
            author: 'Françoise M.',
            role: 'Bénévole et adhérente depuis 2019',
          },
        ],
      },
      {
        _type: 'logoCloud',
        heading: 'Ils nous soutiennent',
        logos: [
          { _type: 'partnerLogo', name: 'Fonds Rhône Solidarités', logo: image('logo-fonds-rhone-solidarites', 'Logo du Fonds Rhône Solidarités'), url: 'https://fonds-rhone-solidarites.example.org' },
          { _type: 'partnerLogo', name: 'Mutuelle des acteurs associatifs', logo: image('logo-mutuelle-acteurs-associatifs', 'Logo de la Mutuelle des acteurs associatifs'), url: 'https://mutuelle-acteurs-associatifs.example.org' },
          { _type: 'partnerLogo', name: 'Réseau Cap Bénévolat', logo: image('logo-reseau-cap-benevolat', 'Logo du Réseau Cap Bénévolat'), url: 'https://cap-benevolat.example.org' },
          { _type: 'partnerLogo', name: 'Coopérative Les Tisserands', logo: image('logo-cooperative-les-tisserands', 'Logo de la coopérative Les Tisserands') },
          { _type: 'partnerLogo', name: 'Fondation Ancrages', logo: image('logo-fondation-ancrages', 'Logo de la Fondation Ancrages'), url: 'https://fondation-ancrages.example.org' },
        ],
      },
      {
        _type: 'newsletterSignup',
        heading: 'La lettre de GPM',
        intro: 'Une fois par mois, les nouvelles sessions, les actualités du réseau et une ressource pratique. Pas de publicité, désinscription en un clic.',
      },
      {
        _type: 'callToAction',
        heading: 'Une question sur nos formations ?',
        text: 'Vous hésitez entre deux formations ou vous souhaitez une session sur mesure pour votre structure ? Écrivez-nous, nous vous répondons sous 48 heures ouvrées.',
        action: internalLink('Nous contacter', 'page-contact'),
        tone: 'accent',
      },
    ],
    seo: seo(
      'GPM — se former pour mieux agir ensemble',
      'Formations pratiques pour les bénévoles et les salariés associatifs, adhésion solidaire et réseau d’entraide : bienvenue chez GPM.',
      heroImage,
    ),
  })

  // ---- Categories -----------------------------------------------------------

  const categories: [string, string, string][] = [
    ['gestion-associative', 'Gestion associative', 'Gouvernance, comptabilité, financements : les bases pour piloter une association en toute sérénité.'],
    ['communication-numerique', 'Communication et numérique', 'Réseaux sociaux, site web, outils collaboratifs : faire connaître son projet et travailler mieux à plusieurs.'],
    ['animation-vie-associative', 'Animation et vie associative', 'Animer des réunions, accueillir les bénévoles, faire vivre le collectif au quotidien.'],
    ['prevention-securite', 'Prévention et sécurité', 'Gestes de premiers secours et organisation d’événements sûrs pour le public comme pour les équipes.'],
  ]
  for (const [id, title, description] of categories) {
    docs.push({ _id: `category-${id}`, _type: 'category', ...stamp(SETUP, '2026-01-08T10:00:00Z'), title, slug: slug(id), description })
  }

  // ---- People ---------------------------------------------------------------

  const people: { id: string, name: string, jobTitle: string, bio: string, photo: boolean, team: boolean, order: number }[] = [
    { id: 'claire-morvan', name: 'Claire Morvan', jobTitle: 'Présidente', photo: true, team: true, order: 1, bio: 'Ancienne directrice d’une maison des jeunes et de la culture, Claire préside GPM depuis 2021. Elle anime les formations consacrées à la gouvernance et accompagne les associations qui traversent une période de transition.' },
    { id: 'julien-thebault', name: 'Julien Thébault', jobTitle: 'Trésorier', photo: true, team: true, order: 2, bio: 'Expert-comptable de métier, Julien met ses compétences au service du monde associatif depuis quinze ans. Il aime démontrer qu’un budget bien construit est d’abord un outil de projet.' },
    { id: 'samia-bensaid', name: 'Samia Bensaïd', jobTitle: 'Coordinatrice des formations', photo: true, team: true, order: 3, bio: 'Samia construit le catalogue, recrute les formateurs et veille à la qualité pédagogique de chaque session. Elle intervient elle-même sur le montage de projets et la recherche de financements.' },
    { id: 'elodie-fournier', name: 'Élodie Fournier', jobTitle: 'Formatrice en animation de groupes', photo: false, team: true, order: 4, bio: 'Facilitatrice formée à l’intelligence collective, Élodie aide les équipes à mieux décider ensemble. Elle a longtemps coordonné les bénévoles d’un festival de musique en Ardèche.' },
    { id: 'thomas-nguyen', name: 'Thomas Nguyen', jobTitle: 'Chargé de communication', photo: true, team: true, order: 5, bio: 'Thomas gère la communication de GPM et forme les associations aux outils numériques. Sa conviction : une bonne communication associative tient en trois mots, régularité, sincérité et sobriété.' },
    { id: 'marc-antoine-leroux', name: 'Marc-Antoine Leroux', jobTitle: 'Formateur indépendant', photo: true, team: false, order: 6, bio: 'Développeur web reconverti dans la formation, Marc-Antoine accompagne les petites structures dans leurs projets numériques et dans l’organisation de leurs événements.' },
    { id: 'helene-garnier', name: 'Hélène Garnier', jobTitle: 'Formatrice de formateurs en secourisme', photo: true, team: false, order: 7, bio: 'Infirmière et formatrice de formateurs en prévention et secours civiques, Hélène anime les sessions PSC1 de GPM et conseille les associations sur la sécurité de leurs manifestations.' },
  ]
  for (const person of people) {
    docs.push({
      _id: `person-${person.id}`,
      _type: 'person',
      ...stamp(SETUP, '2026-09-01T09:00:00Z'),
      name: person.name,
      jobTitle: person.jobTitle,
      bio: person.bio,
      ...(person.photo ? { photo: image(`portrait-${person.id}`, `Portrait illustré de ${person.name}`) } : {}),
      showOnTeamPage: person.team,
      order: person.order,
    })
  }

  // ---- Memberships ----------------------------------------------------------

  docs.push({
    _id: 'membership-solidaire',
    _type: 'membership',
    ...stamp(SETUP, '2026-09-01T09:00:00Z'),
    title: 'Adhésion solidaire',
    price: 10,
    period: 'annuelle',
    description: 'Pour les personnes étudiantes, en recherche d’emploi ou aux revenus modestes. Sans justificatif : nous vous faisons confiance.',
    benefits: [
      'Tarif adhérent sur toutes les formations',
      'Voix délibérative à l’assemblée générale',
      'La lettre mensuelle et les ressources en ligne',
    ],
    helloAssoUrl: MEMBERSHIP_URL.solidaire,
    highlighted: false,
    order: 1,
  })
  docs.push({
    _id: 'membership-individuelle',
    _type: 'membership',
    ...stamp(SETUP, '2026-09-01T09:00:00Z'),
    title: 'Adhésion individuelle',
    price: 30,
    period: 'annuelle',
    description: 'L’adhésion de référence : elle finance l’essentiel de nos actions et vous ouvre tous les avantages du réseau.',
    benefits: [
      'Tarif adhérent sur toutes les formations',
      'Accès prioritaire aux sessions très demandées',
      'Voix délibérative à l’assemblée générale',
      'Invitations aux rencontres entre adhérents',
    ],
    helloAssoUrl: MEMBERSHIP_URL.individuelle,
    highlighted: true,
    order: 2,
  })
  docs.push({
    _id: 'membership-bienfaiteur',
    _type: 'membership',
    ...stamp(SETUP, '2026-09-01T09:00:00Z'),
    title: 'Membre bienfaiteur',
    price: 100,
    period: 'annuelle',
    description: 'Pour aller plus loin : votre soutien finance des places gratuites pour les bénévoles des petites associations.',
    benefits: [
      'Tous les avantages de l’adhésion individuelle',
      'Deux places offertes à des bénévoles chaque année',
      'Reçu fiscal pour la part qui excède la cotisation',
    ],
    helloAssoUrl: MEMBERSHIP_URL.bienfaiteur,
    highlighted: false,
    order: 3,
  })

  // ---- Formations -----------------------------------------------------------

  const adhererLink = `[adhérer à GPM](ha:${MEMBERSHIP_URL.individuelle})`

  docs.push(formation({
    slug: 'gouvernance-associative',
    title: 'Les fondamentaux de la gouvernance associative',
    seoTitle: 'Gouvernance associative — formation GPM',
    summary: 'Statuts, bureau, conseil d’administration, assemblée générale : une journée pour comprendre qui décide quoi dans une association et sécuriser vos pratiques.',
    cover: image('cover-gouvernance', 'Illustration géométrique : cercles, triangles et carrés aux tons indigo'),
    category: 'category-gestion-associative',
    level: 'debutant',
    duration: '1 jour (7 h)',
    prices: memberPrices(45, 80, 'Déjeuner compris pour les sessions en présentiel'),
    sessions: [
      { date: '2025-10-11', from: '09:00', to: '17:00', format: 'presentiel', venue: MAISON_ASSOS, city: 'Lyon', capacity: 14, registrations: 12 },
      { date: '2026-01-24', from: '09:30', to: '17:00', format: 'distanciel', venue: VISIO, capacity: 16, registrations: 9 },
    ],
    objectives: [
      'Identifier le rôle de chaque instance : bureau, conseil d’administration, assemblée générale',
      'Lire et faire évoluer les statuts et le règlement intérieur',
      'Préparer et animer une assemblée générale conforme',
      'Prévenir les situations de blocage et les conflits d’intérêts',
    ],
    prerequisites: ['Aucun : la formation est pensée pour les nouveaux élus comme pour les plus expérimentés'],
    audience: 'Membres de bureau, administrateurs et administratrices, bénévoles qui envisagent de prendre des responsabilités dans leur association.',
    instructors: ['person-claire-morvan', 'person-julien-thebault'],
    created: '2025-08-28T10:00:00Z',
    updated: '2026-02-02T16:30:00Z',
    body: pt(
      p('Dans beaucoup d’associations, les statuts dorment dans un tiroir jusqu’au jour où un désaccord éclate. Cette journée vous donne les repères juridiques et pratiques pour que chacun sache **qui décide, comment et sous quel contrôle**.'),
      h2('Au programme'),
      ul(
        'La loi de 1901 en clair : ce qu’elle impose, ce qu’elle laisse libre',
        'Les instances et leurs compétences : qui fait quoi ?',
        'L’assemblée générale pas à pas : convocation, quorum, votes, procès-verbal',
        'Responsabilités des dirigeants bénévoles et assurances',
      ),
      h2('Une pédagogie active'),
      p('La journée alterne apports courts et études de cas tirées de situations réelles. Vous repartez avec un modèle d’ordre du jour, une liste de vérification pour votre prochaine assemblée et une fiche sur les statuts.'),
      p('Pour prolonger, enchaînez avec [Tenir la comptabilité d’une association](ref:formation-comptabilite-associative).'),
      h2('Tarifs'),
      p(`Le tarif adhérent s'applique dès que vous êtes à jour de cotisation : pensez à ${adhererLink} avant de vous inscrire.`),
    ),
  }))

  docs.push(formation({
    slug: 'comptabilite-associative',
    title: 'Tenir la comptabilité d’une association',
    summary: 'Deux jours pour passer du cahier de recettes-dépenses à une comptabilité claire, présentable en assemblée générale et rassurante pour vos financeurs.',
    cover: image('cover-comptabilite', 'Illustration : soleil couchant sur une mer calme aux reflets dorés'),
    category: 'category-gestion-associative',
    level: 'intermediaire',
    duration: '2 jours (14 h)',
    prices: memberPrices(90, 160),
    sessions: [
      { date: '2025-11-15', endDate: '2025-11-16', from: '09:00', to: '17:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 12, registrations: 12 },
      { date: '2027-03-13', endDate: '2027-03-14', from: '09:00', to: '17:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 12, registrations: 5 },
      { date: '2027-10-09', endDate: '2027-10-10', from: '09:30', to: '17:00', format: 'distanciel', venue: VISIO, capacity: 16, registrations: 2 },
    ],
    objectives: [
      'Choisir entre comptabilité de trésorerie et comptabilité d’engagement',
      'Enregistrer les opérations courantes et rapprocher la banque',
      'Établir un compte de résultat et un bilan simples',
      'Présenter les comptes de façon compréhensible en assemblée générale',
    ],
    prerequisites: [
      'Être à l’aise avec un tableur (saisie, formules simples)',
      'Venir avec un ordinateur portable',
    ],
    audience: 'Trésoriers et trésorières, bénévoles ou salariés en charge de la gestion, dirigeants qui veulent comprendre leurs comptes.',
    instructors: ['person-julien-thebault'],
    created: '2025-08-28T10:30:00Z',
    updated: '2026-10-20T11:15:00Z',
    body: pt(
      p('Les chiffres font peur à beaucoup de bénévoles. Pourtant, une comptabilité bien tenue est surtout un **outil de pilotage** : elle permet de savoir où en est le projet, de rassurer les partenaires et de préparer l’avenir.'),
      h2('Au programme'),
      h3('Premier jour : les bases'),
      ul(
        'Le plan comptable associatif et ses spécificités',
        'Recettes, dépenses, pièces justificatives : organiser le classement',
        'Le rapprochement bancaire, mois après mois',
      ),
      h3('Second jour : les comptes annuels'),
      ol(
        'Clôturer l’exercice : charges et produits à rattacher',
        'Construire le compte de résultat et le bilan',
        'Valoriser le bénévolat et les contributions en nature',
        'Préparer la présentation à l’assemblée générale',
      ),
      h2('Après la formation'),
      p('Chaque participant reçoit un classeur de modèles (plan de comptes, journal, tableau de bord). Si vous devez ensuite financer un projet, la formation [Monter un dossier de subvention](ref:formation-dossier-de-subvention) en est le complément naturel.'),
      p(`Les adhérents économisent 70 € sur cette formation : ${adhererLink} prend deux minutes.`),
    ),
  }))

  docs.push(formation({
    slug: 'dossier-de-subvention',
    title: 'Monter un dossier de subvention',
    summary: 'Du projet à la demande : apprenez à présenter votre action, construire un budget prévisionnel crédible et convaincre les financeurs publics et privés.',
    cover: image('cover-subvention', 'Illustration : halos lumineux verts et orangés sur fond sarcelle'),
    category: 'category-gestion-associative',
    level: 'intermediaire',
    duration: '1 jour (7 h)',
    prices: memberPrices(60, 110),
    sessions: [
      { date: '2025-12-06', from: '09:30', to: '17:00', format: 'distanciel', venue: VISIO, capacity: 16, registrations: 14 },
      // Upcoming and FULL: registrations === capacity.
      { date: '2027-04-10', from: '09:00', to: '17:00', format: 'presentiel', venue: 'Centre social Jacques-Prévert, 14 rue Francis-de-Pressensé', city: 'Villeurbanne', capacity: 10, registrations: 10 },
    ],
    objectives: [
      'Repérer les financeurs adaptés à votre projet',
      'Rédiger une présentation claire : besoins, objectifs, actions, évaluation',
      'Construire un budget prévisionnel équilibré et sincère',
      'Préparer le compte rendu financier à remettre après l’action',
    ],
    prerequisites: ['Avoir un projet, même à l’état d’ébauche, à travailler pendant la journée'],
    audience: 'Bénévoles et salariés chargés de rechercher des financements, porteurs de projets associatifs.',
    instructors: ['person-samia-bensaid'],
    created: '2025-08-29T09:00:00Z',
    updated: '2026-11-03T17:40:00Z',
    body: pt(
      p('Un bon dossier de subvention raconte une histoire simple : un besoin repéré sur le terrain, une réponse concrète, des moyens proportionnés. Cette journée vous apprend à **structurer cette histoire** et à la chiffrer.'),
      h2('Au programme'),
      ul(
        'Panorama des financements : collectivités, État, fondations, mécénat',
        'Le formulaire Cerfa n° 12156 décortiqué',
        'Le budget prévisionnel : charges, produits, contributions volontaires',
        'Relire un dossier avec les yeux du financeur',
      ),
      h2('Méthode'),
      p('Vous travaillez sur votre propre projet, en petits groupes, avec des relectures croisées. Nous recommandons d’avoir suivi [Tenir la comptabilité d’une association](ref:formation-comptabilite-associative) ou d’être à l’aise avec un budget.'),
      h2('Tarifs'),
      p(`La session de Villeurbanne est complète. Pour être prévenu de la prochaine date et profiter du tarif réduit, ${adhererLink}.`),
    ),
  }))

  docs.push(formation({
    slug: 'reseaux-sociaux',
    title: 'Communiquer sur les réseaux sociaux',
    summary: 'Choisir ses réseaux, bâtir une ligne éditoriale réaliste et publier régulièrement sans y passer ses soirées : une méthode adaptée aux petites équipes.',
    cover: image('cover-reseaux-sociaux', 'Illustration : rubans ondulants roses et dorés sur fond framboise'),
    category: 'category-communication-numerique',
    level: 'debutant',
    duration: '1 jour (6 h)',
    prices: [price('Tarif unique', 45, 'Support de formation et modèles de calendrier éditorial inclus')],
    sessions: [
      { date: '2027-05-18', from: '09:30', to: '16:30', format: 'distanciel', venue: VISIO, capacity: 20, registrations: 7 },
      { date: '2027-11-23', from: '09:30', to: '16:30', format: 'distanciel', venue: VISIO, capacity: 20, registrations: 0 },
      { date: '2028-02-08', from: '09:00', to: '16:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 12, registrations: 0 },
    ],
    objectives: [
      'Choisir les réseaux utiles à votre public',
      'Définir une ligne éditoriale et un rythme de publication tenable',
      'Produire des visuels et des textes efficaces avec des outils gratuits',
      'Mesurer ce qui fonctionne sans se noyer dans les statistiques',
    ],
    prerequisites: ['Disposer d’un compte sur au moins un réseau social'],
    audience: 'Bénévoles et salariés qui animent la communication de leur association, même sans expérience.',
    instructors: ['person-thomas-nguyen'],
    created: '2025-09-02T08:00:00Z',
    updated: '2026-10-28T15:05:00Z',
    body: pt(
      p('Publier tous les jours sur tous les réseaux ? Inutile, et surtout épuisant. Nous vous aidons à **faire moins, mais mieux**, en partant de vos publics et de vos moyens réels.'),
      h2('Au programme'),
      ul(
        'Qui voulez-vous toucher, et où sont ces personnes ?',
        'La ligne éditoriale en une page',
        'Atelier : trois publications prêtes à partir',
        'Modération, droit à l’image et bonnes pratiques',
      ),
      h2('Pour aller plus loin'),
      p('Les réseaux sociaux fonctionnent mieux avec un site à jour : découvrez aussi [Créer et faire vivre le site de son association](ref:formation-site-web-associatif).'),
      p(`Cette formation est au même tarif pour tous, mais l'adhésion vous donne accès aux ateliers de suivi : ${adhererLink}.`),
    ),
  }))

  docs.push(formation({
    slug: 'site-web-associatif',
    title: 'Créer et faire vivre le site de son association',
    seoTitle: 'Site web associatif — formation GPM',
    summary: 'Les bonnes questions avant de se lancer, les outils accessibles aux non-spécialistes et une organisation pour garder un site à jour dans la durée.',
    cover: image('cover-site-web', 'Illustration géométrique : formes bleues et vertes sur fond clair'),
    category: 'category-communication-numerique',
    level: 'tous',
    duration: '1 jour (7 h)',
    prices: memberPrices(75, 130),
    sessions: [
      { date: '2025-09-27', from: '09:00', to: '17:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 10, registrations: 8 },
      { date: '2026-02-07', from: '09:30', to: '17:00', format: 'distanciel', venue: VISIO, capacity: 14, registrations: 11 },
    ],
    objectives: [
      'Définir les objectifs et le contenu essentiel du site',
      'Comparer les solutions : site clé en main, CMS, site statique',
      'Écrire pour le web et rendre le site accessible à tous',
      'Organiser la mise à jour entre plusieurs bénévoles',
    ],
    prerequisites: ['Aucun prérequis technique'],
    audience: 'Toute personne chargée du site web de son association, ou qui doit en créer un.',
    instructors: ['person-thomas-nguyen', 'person-marc-antoine-leroux'],
    created: '2025-08-30T14:00:00Z',
    updated: '2026-02-10T10:00:00Z',
    body: pt(
      p('Un site associatif n’a pas besoin d’être spectaculaire : il doit répondre vite aux questions de vos visiteurs. Cette journée vous aide à **faire les bons choix** et à éviter les sites abandonnés au bout de six mois.'),
      h2('Au programme'),
      ol(
        'Les objectifs du site et ses publics',
        'L’arborescence : peu de pages, bien choisies',
        'Les outils, leurs coûts réels et leurs limites',
        'Accessibilité et écriture web',
        'Le planning de mise à jour',
      ),
      h2('Et ensuite ?'),
      p('Pour nourrir votre site et vos réseaux, poursuivez avec [Communiquer sur les réseaux sociaux](ref:formation-reseaux-sociaux).'),
      p(`Les adhérents bénéficient du tarif réduit : ${adhererLink}.`),
    ),
  }))

  // No coverImage: deliberate (robustness).
  docs.push(formation({
    slug: 'animer-une-reunion',
    title: 'Animer une réunion participative',
    summary: 'Des réunions plus courtes, où chacun prend la parole et d’où l’on repart avec des décisions claires : techniques d’animation et posture de l’animateur.',
    category: 'category-animation-vie-associative',
    level: 'tous',
    duration: '1 jour (7 h)',
    prices: memberPrices(50, 90),
    sessions: [
      { date: '2027-06-05', from: '09:00', to: '17:00', format: 'presentiel', venue: 'Maison de la vie associative, 6 rue Berthe-de-Boissieux', city: 'Grenoble', capacity: 14, registrations: 3 },
      { date: '2028-01-22', from: '09:00', to: '17:00', format: 'presentiel', venue: MAISON_ASSOS, city: 'Lyon', capacity: 14, registrations: 0 },
    ],
    objectives: [
      'Préparer une réunion : objectif, ordre du jour, rôles',
      'Utiliser des techniques pour faire participer tout le monde',
      'Conduire une prise de décision claire et assumée',
      'Gérer les tensions et les prises de parole déséquilibrées',
    ],
    prerequisites: ['Aucun'],
    audience: 'Responsables associatifs, coordinateurs de bénévoles, toute personne amenée à animer des réunions.',
    instructors: ['person-elodie-fournier'],
    created: '2025-09-03T09:00:00Z',
    updated: '2026-10-15T09:30:00Z',
    body: pt(
      p('Trop longues, monopolisées par quelques voix, sans décision à la fin : les réunions associatives ont mauvaise réputation. Elles peuvent pourtant devenir **des moments qui donnent envie de s’engager**.'),
      h2('Au programme'),
      ul(
        'Les trois questions à se poser avant toute réunion',
        'Tour de météo, travail en sous-groupes, vote par consentement',
        'Le rôle du facilitateur, du gardien du temps et du secrétaire',
        'Mises en situation filmées et retours bienveillants',
      ),
      quote('« Depuis la formation, nos conseils d’administration durent une heure de moins et tout le monde parle. » — un participant de la session 2025'),
      h2('En complément'),
      p('Cette formation se combine très bien avec [Accueillir et fidéliser les bénévoles](ref:formation-accueil-des-benevoles).'),
      p(`Tarif réduit pour les adhérents : ${adhererLink}.`),
    ),
  }))

  docs.push(formation({
    slug: 'accueil-des-benevoles',
    title: 'Accueillir et fidéliser les bénévoles',
    summary: 'Une demi-journée gratuite pour repenser l’accueil des nouveaux bénévoles, leur trouver une place et leur donner envie de rester.',
    cover: image('cover-benevoles', 'Illustration : un groupe de silhouettes réunies devant un tableau'),
    category: 'category-animation-vie-associative',
    level: 'debutant',
    duration: '½ journée (3 h 30)',
    prices: [price('Gratuit', 0, 'Formation financée par nos partenaires, inscription obligatoire')],
    sessions: [
      { date: '2026-03-14', from: '09:00', to: '12:30', format: 'distanciel', venue: VISIO, capacity: 25, registrations: 21 },
      // Upcoming session WITHOUT registrationUrl: deliberate (robustness).
      { date: '2027-09-18', from: '09:00', to: '12:30', format: 'presentiel', venue: 'Maison des associations, 4 rue André-Malraux', city: 'Saint-Étienne', capacity: 20, registrations: 4, url: null },
    ],
    objectives: [
      'Construire un parcours d’accueil simple et chaleureux',
      'Proposer des missions claires, adaptées au temps disponible',
      'Reconnaître et valoriser l’engagement',
    ],
    prerequisites: ['Aucun'],
    audience: 'Responsables et coordinateurs de bénévoles, membres de bureau.',
    instructors: ['person-elodie-fournier', 'person-samia-bensaid'],
    created: '2025-09-05T10:00:00Z',
    updated: '2026-11-02T13:20:00Z',
    body: pt(
      p('Beaucoup de bénévoles s’en vont dans les trois premiers mois, souvent faute d’avoir trouvé leur place. Quelques gestes simples changent tout : **un accueil préparé, une mission claire, un merci sincère**.'),
      h2('Au programme'),
      ul(
        'Le parcours du nouveau bénévole, du premier contact à la première mission',
        'Des fiches missions courtes et concrètes',
        'Reconnaître l’engagement : petits rituels et grands moments',
      ),
      h2('Une formation gratuite'),
      p('Grâce au soutien de nos partenaires, cette demi-journée est gratuite. L’inscription pour Saint-Étienne ouvrira prochainement : en attendant, [écrivez-nous](ref:page-contact) pour être prévenu.'),
      p(`Et si vous souhaitez soutenir ce type d'actions, vous pouvez ${adhererLink} ou devenir [membre bienfaiteur](ha:${MEMBERSHIP_URL.bienfaiteur}).`),
    ),
  }))

  docs.push(formation({
    slug: 'prevention-secours-civiques-psc1',
    title: 'Prévention et secours civiques de niveau 1 (PSC1)',
    seoTitle: 'PSC1, les gestes qui sauvent — formation GPM',
    summary: 'La formation officielle aux gestes qui sauvent : alerter, protéger, masser, défibriller. Un certificat de compétences est délivré à l’issue de la journée.',
    cover: image('cover-psc1', 'Illustration : collines orangées sous un grand soleil'),
    category: 'category-prevention-securite',
    level: 'tous',
    duration: '1 jour (7 h)',
    prices: memberPrices(55, 70, 'Certificat de compétences inclus'),
    sessions: [
      { date: '2027-02-20', from: '08:30', to: '17:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 10, registrations: 6 },
      { date: '2027-06-26', from: '08:30', to: '17:00', format: 'presentiel', venue: LOCAL_GPM, city: 'Lyon', capacity: 10, registrations: 1 },
      { date: '2028-06-03', from: '08:30', to: '17:00', format: 'presentiel', venue: 'Centre social Jacques-Prévert, 14 rue Francis-de-Pressensé', city: 'Villeurbanne', capacity: 10, registrations: 0 },
    ],
    objectives: [
      'Protéger, alerter les secours et transmettre un message clair',
      'Réagir face à un étouffement, un saignement abondant, une perte de connaissance',
      'Réaliser une réanimation cardio-pulmonaire et utiliser un défibrillateur',
    ],
    prerequisites: ['Avoir au moins 10 ans', 'Pouvoir se mettre à genoux pour les exercices pratiques'],
    audience: 'Tout public : bénévoles, encadrants d’activités, organisateurs d’événements.',
    instructors: ['person-helene-garnier'],
    created: '2025-09-10T09:00:00Z',
    updated: '2026-11-10T08:50:00Z',
    body: pt(
      p('Chaque année en France, des milliers de vies pourraient être sauvées si davantage de témoins osaient agir. Le PSC1 vous apprend, en une journée, **les gestes essentiels et la confiance pour les faire**.'),
      h2('Au programme'),
      ol(
        'Protection et alerte',
        'Obstruction des voies aériennes',
        'Hémorragies externes',
        'Perte de connaissance et position latérale de sécurité',
        'Arrêt cardiaque : massage et défibrillation',
        'Malaises et traumatismes',
      ),
      h2('Organisation'),
      p('La formation est essentiellement pratique, en groupe de dix personnes au plus. Les organisateurs d’événements la compléteront utilement par [Organiser un événement en toute sécurité](ref:formation-securite-des-evenements).'),
      p(`Le tarif adhérent vaut aussi pour vos proches de plus de 10 ans : ${adhererLink}.`),
    ),
  }))

  docs.push(formation({
    slug: 'securite-des-evenements',
    title: 'Organiser un événement en toute sécurité',
    summary: 'Déclarations, dispositif de secours, accueil du public, imprévus : la méthode pour organiser une fête, un tournoi ou un festival sans mauvaise surprise.',
    cover: image('cover-securite-evenements', 'Illustration : halos lumineux bleus et jaunes sur fond ardoise'),
    category: 'category-prevention-securite',
    level: 'avance',
    duration: '1 jour (7 h)',
    prices: memberPrices(65, 120),
    sessions: [
      // Single upcoming session. tests/fixtures/dataset.ts gives it a foreign registration URL for the
      // end-to-end test that expects no registration button: the shipped dataset passes content:check.
      { date: '2027-10-16', from: '09:00', to: '17:00', format: 'presentiel', venue: MAISON_ASSOS, city: 'Lyon', capacity: 16, registrations: 5 },
    ],
    objectives: [
      'Connaître les obligations déclaratives selon le type de manifestation',
      'Dimensionner un dispositif prévisionnel de secours',
      'Rédiger un plan de prévention et un schéma d’alerte',
      'Préparer les bénévoles à la gestion des imprévus',
    ],
    prerequisites: [
      'Avoir déjà participé à l’organisation d’un événement',
      'Le PSC1 est conseillé mais pas obligatoire',
    ],
    audience: 'Organisateurs et organisatrices de manifestations associatives : fêtes de quartier, compétitions, festivals, brocantes.',
    instructors: ['person-helene-garnier', 'person-marc-antoine-leroux'],
    created: '2025-09-12T11:00:00Z',
    updated: '2026-10-30T10:10:00Z',
    body: pt(
      p('Une manifestation réussie est d’abord une manifestation où il ne s’est rien passé de grave. Cette journée vous donne **une méthode et des outils** pour anticiper les risques, sans transformer votre fête en forteresse.'),
      h2('Au programme'),
      ul(
        'Déclarations en mairie et en préfecture : qui, quand, comment',
        'Dispositif prévisionnel de secours : quand est-il obligatoire ?',
        'Flux de public, accessibilité, météo : anticiper l’imprévu',
        'Briefer les bénévoles : la fiche réflexe',
      ),
      h2('Prérequis conseillé'),
      p('Nous recommandons d’avoir suivi la formation [Prévention et secours civiques de niveau 1](ref:formation-prevention-secours-civiques-psc1).'),
      p(`Tarif réduit pour les adhérents : ${adhererLink}.`),
    ),
  }))

  // ---- Posts ----------------------------------------------------------------

  interface PostInput { slug: string, title: string, seoTitle?: string, date: string, time: string, excerpt: string, cover: JsonObject, author: string, body: JsonObject[] }
  const post = (input: PostInput): JsonObject => {
    const publishedAt = paris(input.date, input.time)
    return {
      _id: `post-${input.slug}`,
      _type: 'post',
      ...stamp(shiftHours(publishedAt, -50), shiftHours(publishedAt, 3)),
      title: input.title,
      slug: slug(input.slug),
      publishedAt,
      excerpt: input.excerpt,
      body: input.body,
      coverImage: input.cover,
      author: ref(input.author),
      seo: seo(input.seoTitle ?? input.title, input.excerpt),
    }
  }

  docs.push(post({
    slug: 'rentree-2025',
    title: 'Une rentrée riche en projets',
    seoTitle: 'Une rentrée riche en projets chez GPM',
    date: '2025-09-15',
    time: '08:00',
    excerpt: 'Nouvelles formations, nouveaux locaux, nouvelle équipe : tour d’horizon de ce qui vous attend chez GPM cette saison.',
    cover: image('cover-rentree', 'Illustration : soleil couchant sur un horizon turquoise et orangé'),
    author: 'person-claire-morvan',
    body: pt(
      p('Chères adhérentes, chers adhérents, la saison 2025-2026 démarre et elle s’annonce dense. Voici l’essentiel en quelques lignes.'),
      h2('Ce qui change cette année'),
      ul(
        '**Des locaux plus grands** rue des Tanneurs, avec une salle de formation lumineuse et accessible',
        '**Des sessions à distance** pour nos adhérents éloignés de Lyon',
        '**Une équipe renforcée** avec l’arrivée de Samia à la coordination des formations',
      ),
      h2('Les premiers rendez-vous'),
      p('Ouverture de la saison avec [Les fondamentaux de la gouvernance associative](ref:formation-gouvernance-associative), le 11 octobre à la Maison des associations. Il reste quelques places !'),
      p('Bonne rentrée à toutes et à tous,\nClaire Morvan, présidente'),
    ),
  }))

  docs.push(post({
    slug: 'assemblee-generale-2025',
    title: 'Retour sur notre assemblée générale',
    date: '2025-11-22',
    time: '10:00',
    excerpt: 'Plus de quatre-vingts adhérents réunis, des comptes approuvés à l’unanimité et une nouvelle adhésion solidaire : le compte rendu de notre assemblée générale.',
    cover: image('cover-assemblee-generale', 'Illustration : silhouettes de participants face à un tableau, tons prune'),
    author: 'person-julien-thebault',
    body: pt(
      p('Le 15 novembre, quatre-vingt-trois adhérents ont participé à notre assemblée générale, dont une vingtaine à distance. Merci à toutes et à tous pour cette belle mobilisation.'),
      image('inline-assemblee-vote', 'Illustration : participants réunis autour d’un tableau pendant un vote', 'Le moment du vote des résolutions, salle Denfert-Rochereau.'),
      h2('Les résolutions adoptées'),
      ol(
        'Approbation du rapport moral et du rapport d’activité',
        'Approbation des comptes 2024-2025 et affectation du résultat',
        'Création d’une **adhésion solidaire** à 10 €',
        'Renouvellement du tiers sortant du conseil d’administration',
      ),
      quote('« Notre association est en bonne santé financière, mais sa vraie richesse, ce sont ses bénévoles. » — Julien Thébault, trésorier'),
      h2('Et maintenant ?'),
      p('Le procès-verbal complet est disponible sur simple demande. Pour rejoindre le conseil d’administration l’an prochain, [contactez-nous](ref:page-contact).'),
    ),
  }))

  docs.push(post({
    slug: 'catalogue-formations-2026',
    title: 'Le catalogue de formations 2026 est en ligne',
    date: '2026-01-12',
    time: '09:00',
    excerpt: 'Quatre domaines, neuf formations, des sessions à Lyon, en région et à distance : découvrez notre nouveau catalogue.',
    cover: image('cover-catalogue', 'Illustration géométrique : formes bleu océan et rose sur fond clair'),
    author: 'person-samia-bensaid',
    body: pt(
      p('Construit à partir de vos retours et des besoins remontés par le réseau, le catalogue 2026 s’organise désormais en **quatre domaines**.'),
      h2('Les nouveautés'),
      ul(
        'Une formation [PSC1](ref:formation-prevention-secours-civiques-psc1) en partenariat avec une formatrice de formateurs',
        'Un module consacré à la [sécurité des événements](ref:formation-securite-des-evenements)',
        'Une demi-journée gratuite sur l’[accueil des bénévoles](ref:formation-accueil-des-benevoles)',
      ),
      h2('Comment s’inscrire ?'),
      p('Toutes les inscriptions se font en ligne sur HelloAsso, depuis la page de chaque formation. Les adhérents bénéficient d’un tarif réduit : [consultez les formules d’adhésion](ref:page-adhesion-faq).'),
    ),
  }))

  docs.push(post({
    slug: 'partenariat-fondation-ancrages',
    title: 'Un nouveau partenariat pour former les bénévoles',
    date: '2026-03-05',
    time: '11:30',
    excerpt: 'La Fondation Ancrages soutient GPM pendant trois ans pour rendre nos formations accessibles aux plus petites associations.',
    cover: image('cover-partenariat', 'Illustration : rubans ondulants verts et bleus sur fond forêt'),
    author: 'person-claire-morvan',
    body: pt(
      p('Nous sommes heureux d’annoncer la signature d’une convention de trois ans avec la Fondation Ancrages, engagée de longue date pour la vie associative locale.'),
      h2('Ce que ce partenariat permet'),
      ul(
        'Des formations **gratuites** pour les associations de moins de cinq salariés',
        'Des sessions délocalisées dans les communes rurales',
        'Un fonds pour prendre en charge les frais de déplacement des bénévoles',
      ),
      p('Première concrétisation : la formation [Accueillir et fidéliser les bénévoles](ref:formation-accueil-des-benevoles) devient entièrement gratuite. Pour en savoir plus sur la fondation, rendez-vous sur [son site](https://fondation-ancrages.example.org).'),
    ),
  }))

  docs.push(post({
    slug: 'temoignages-prendre-la-parole',
    title: '« J’ai osé prendre la parole » : trois bénévoles racontent',
    date: '2026-05-20',
    time: '08:30',
    excerpt: 'Ils ont suivi la formation à l’animation de réunions. Six mois plus tard, Léa, Karim et Monique racontent ce qui a changé dans leurs associations.',
    cover: image('cover-temoignages', 'Illustration : halos lumineux violets et dorés'),
    author: 'person-thomas-nguyen',
    body: pt(
      p('Nous avons retrouvé trois participants de la session d’automne de [Animer une réunion participative](ref:formation-animer-une-reunion).'),
      h2('Léa, 24 ans, bénévole dans une ressourcerie'),
      quote('« Avant, je n’osais pas intervenir face aux anciens. Aujourd’hui, c’est moi qui anime la réunion mensuelle, avec un tour de parole que tout le monde attend. »'),
      h2('Karim, directeur d’un club de foot'),
      quote('« Nos conseils d’administration duraient trois heures. On est descendus à une heure quarante-cinq, et on prend enfin des décisions. »'),
      h2('Monique, présidente d’une chorale'),
      quote('« J’ai appris à dire : on s’arrête là, on reprendra la prochaine fois. Ça paraît bête, mais ça a tout changé. »'),
      p('La prochaine session a lieu à Grenoble au mois de juin 2027 : *les inscriptions sont ouvertes*.'),
    ),
  }))

  docs.push(post({
    slug: 'adhesion-solidaire-un-an-apres',
    title: 'L’adhésion solidaire, un an après',
    date: '2026-09-08',
    time: '09:15',
    excerpt: 'Créée lors de notre dernière assemblée générale, l’adhésion solidaire à 10 € a déjà séduit plus d’une centaine de personnes. Premier bilan.',
    cover: image('cover-adhesion-solidaire', 'Illustration : collines vertes sous un soleil jaune'),
    author: 'person-julien-thebault',
    body: pt(
      p('L’idée était simple : permettre à chacun d’adhérer, quels que soient ses revenus, **sans justificatif**. Un an plus tard, le pari est tenu.'),
      h2('Les chiffres clés'),
      ul(
        '112 adhésions solidaires, soit un quart des adhérents',
        '63 % de ces adhérents ont suivi au moins une formation',
        'Aucune baisse du nombre d’adhésions individuelles',
      ),
      h2('On continue !'),
      p(`L'adhésion solidaire est reconduite pour 2027. Vous pouvez [adhérer en ligne au tarif solidaire](ha:${MEMBERSHIP_URL.solidaire}) dès aujourd'hui, ou retrouver toutes les formules sur la page [Adhérer en ligne](ref:page-adhesion-faq).`),
    ),
  }))

  docs.push(post({
    slug: 'calendrier-2027',
    title: 'Calendrier 2027 : les dates à retenir',
    date: '2026-11-15',
    time: '09:00',
    excerpt: 'PSC1 dès février, comptabilité en mars, subventions en avril : le calendrier des formations 2027 est publié, les inscriptions sont ouvertes.',
    cover: image('cover-calendrier', 'Illustration : soleil rose posé sur un horizon indigo'),
    author: 'person-samia-bensaid',
    body: pt(
      p('Notez-les dès maintenant dans vos agendas : voici les premières dates de l’année 2027.'),
      h2('Premier semestre'),
      ul(
        '20 février : [PSC1](ref:formation-prevention-secours-civiques-psc1), à Lyon',
        '13 et 14 mars : [comptabilité associative](ref:formation-comptabilite-associative), à Lyon',
        '10 avril : [dossier de subvention](ref:formation-dossier-de-subvention), à Villeurbanne',
        '18 mai : [réseaux sociaux](ref:formation-reseaux-sociaux), à distance',
        '5 juin : [animer une réunion](ref:formation-animer-une-reunion), à Grenoble',
      ),
      h2('Second semestre'),
      ul(
        '18 septembre : accueil des bénévoles, à Saint-Étienne',
        '9 et 10 octobre : comptabilité associative, à distance',
        '16 octobre : sécurité des événements, à Lyon',
      ),
      p(`Les places partent vite : ${adhererLink} pour bénéficier du tarif réduit et de l'accès prioritaire.`),
    ),
  }))

  // ---- Pages ----------------------------------------------------------------

  const page = (id: string, pageSlug: string, title: string, seoTitle: string, description: string, blocks: JsonObject[], updated = LAST_EDIT): JsonObject => ({
    _id: `page-${id}`,
    _type: 'page',
    ...stamp(SETUP, updated),
    title,
    slug: slug(pageSlug),
    blocks,
    seo: seo(seoTitle, description),
  })

  docs.push(page('a-propos', 'a-propos', 'L’association', 'L’association GPM : histoire, mission et valeurs', 'Depuis 2012, GPM forme et relie celles et ceux qui font vivre les associations. Découvrez notre histoire, nos valeurs et notre fonctionnement.', [
    {
      _type: 'richText',
      body: pt(
        p('GPM est née en 2012 de la rencontre de quelques responsables associatifs lyonnais qui partageaient un constat : **les bénévoles se forment souvent seuls, sur le tas, et s’épuisent**. Ils ont décidé de mettre en commun leurs savoir-faire.'),
        h2('Notre mission'),
        p('Donner à chacune et chacun les moyens d’agir dans son association : comprendre les règles, maîtriser les outils, animer un collectif. Nous le faisons par la formation, par l’entraide entre adhérents et par la diffusion de ressources pratiques.'),
        h2('Nos valeurs'),
        ul(
          '**Accessibilité** : des tarifs adaptés, dont une adhésion solidaire et des formations gratuites',
          '**Pratique** : des formateurs qui sont aussi des acteurs de terrain',
          '**Coopération** : on apprend autant des autres participants que des intervenants',
          '**Indépendance** : GPM n’est rattachée à aucun parti ni à aucune fédération',
        ),
        h2('Notre fonctionnement'),
        p('L’association est dirigée par un conseil d’administration bénévole élu en assemblée générale, et s’appuie sur une petite équipe salariée. Découvrez [l’équipe](ref:page-equipe) ou [rejoignez-nous](ref:page-adhesion-faq).'),
      ),
    },
    {
      _type: 'keyFigures',
      heading: 'GPM aujourd’hui',
      figures: [
        { _type: 'keyFigure', value: '2012', label: 'année de création' },
        { _type: 'keyFigure', value: '12', label: 'formatrices et formateurs' },
        { _type: 'keyFigure', value: '9', label: 'membres du conseil d’administration' },
        { _type: 'keyFigure', value: '4', label: 'domaines de formation' },
      ],
    },
    {
      _type: 'imageGallery',
      heading: 'La vie de l’association en images',
      images: [
        image('gallery-atelier', 'Illustration : silhouettes de participants face à un tableau', 'Un atelier d’animation de réunion dans nos locaux.'),
        image('gallery-assemblee', 'Illustration : collines roses et framboise au lever du soleil', 'L’assemblée générale 2025 à la Maison des associations.'),
        image('gallery-forum', 'Illustration géométrique aux tons miel et sarcelle', 'Notre stand au forum des associations de Lyon.'),
        image('gallery-classe-virtuelle', 'Illustration : rubans ondulants bleus et roses sur fond indigo', 'Une formation en classe virtuelle.'),
        image('gallery-fin-de-saison', 'Illustration : soleil couchant sur un horizon orangé', 'Le pique-nique de fin de saison des bénévoles.'),
      ],
    },
    {
      _type: 'formationList',
      heading: 'Nos formations en gestion associative',
      mode: 'category',
      category: ref('category-gestion-associative'),
      limit: 3,
    },
    {
      _type: 'faq',
      heading: 'Questions fréquentes',
      items: [
        { _type: 'faqItem', question: 'Qui peut suivre les formations de GPM ?', answer: pt(p('Tout le monde ! Nos formations s’adressent aux bénévoles, aux salariés et aux dirigeants associatifs, mais aussi aux personnes qui envisagent de s’engager. Les adhérents bénéficient d’un tarif réduit.')) },
        { _type: 'faqItem', question: 'Faut-il être adhérent pour participer ?', answer: pt(p('Non. L’adhésion n’est pas obligatoire, mais elle donne accès au tarif réduit et à l’assemblée générale. Toutes les formules sont présentées sur la page [Adhérer en ligne](ref:page-adhesion-faq).')) },
        { _type: 'faqItem', question: 'Comment l’association est-elle financée ?', answer: pt(p('Nos ressources proviennent :'), ul('des cotisations des adhérents (environ 25 %) ;', 'des participations aux formations (45 %) ;', 'de subventions et du soutien de fondations partenaires (30 %).')) },
        { _type: 'faqItem', question: 'Puis-je devenir formateur ou formatrice ?', answer: pt(p('Avec plaisir ! Nous cherchons régulièrement des praticiens prêts à transmettre leur expérience. Présentez-vous via le [formulaire de contact](ref:page-contact) en choisissant « Autre demande ».')) },
      ],
    },
    {
      _type: 'callToAction',
      heading: 'Envie de rejoindre l’aventure ?',
      text: 'Adhérez pour soutenir nos actions et profiter du tarif réduit sur toutes les formations.',
      action: pathLink('Adhérer', '/adhesion'),
      tone: 'default',
    },
  ]))

  docs.push(page('equipe', 'association/equipe', 'L’équipe', 'L’équipe de GPM : bénévoles élus et salariés', 'Bénévoles élus et salariés : les personnes qui font vivre GPM au quotidien.', [
    {
      _type: 'teamList',
      heading: 'Les visages de GPM',
      intro: 'Un conseil d’administration bénévole et une équipe permanente, au service des adhérents et des participants.',
    },
    {
      _type: 'richText',
      body: pt(
        h2('Rejoindre l’équipe'),
        p('Le conseil d’administration se renouvelle par tiers à chaque assemblée générale. Toute personne adhérente depuis au moins six mois peut se porter candidate.'),
        h3('Devenir formateur ou formatrice'),
        p('Nous recherchons des intervenants qui :'),
        ul(
          'ont une expérience de terrain dans le monde associatif ;',
          'aiment transmettre et travailler en petits groupes ;',
          'peuvent animer au moins deux sessions par an.',
        ),
        p('Intéressé·e ? [Écrivez-nous](ref:page-contact) en quelques lignes.'),
      ),
    },
  ], '2026-09-01T09:00:00Z'))

  docs.push(page('contact', 'contact', 'Contact', 'Contacter GPM, association de formation à Lyon', 'Une question sur une formation, l’adhésion ou un partenariat ? Écrivez à GPM ou passez nous voir rue des Tanneurs, à Lyon.', [
    {
      _type: 'contactForm',
      heading: 'Écrivez-nous',
      intro: 'Nous répondons à tous les messages sous 48 heures ouvrées. Les champs marqués d’un astérisque sont obligatoires.',
      subjects: [
        'Inscription à une formation',
        'Adhésion',
        'Formation sur mesure pour votre structure',
        'Partenariat ou mécénat',
        'Autre demande',
      ],
    },
    {
      _type: 'richText',
      body: pt(
        h2('Nous rendre visite'),
        p('**GPM**\n12 rue des Tanneurs\n69007 Lyon'),
        p('Accueil du mardi au vendredi, de 9 h 30 à 12 h 30 et de 14 h à 17 h.'),
        p('Métro B, arrêt Jean Macé. Les locaux sont accessibles aux personnes à mobilité réduite.'),
        h2('Par téléphone ou par courriel'),
        ul(
          'Téléphone : 04 65 71 20 45',
          'Courriel : [contact@gpm.fr](mailto:contact@gpm.fr)',
        ),
      ),
    },
  ], '2026-06-12T15:00:00Z'))

  docs.push(page('mentions-legales', 'mentions-legales', 'Mentions légales', 'Mentions légales du site de l’association GPM', 'Éditeur, hébergement, propriété intellectuelle : les informations légales du site de GPM.', [
    {
      _type: 'richText',
      body: pt(
        h2('Éditeur du site'),
        p('Le site gpm.fr est édité par l’association GPM, association régie par la loi du 1er juillet 1901 et le décret du 16 août 1901, déclarée à la préfecture du Rhône sous le numéro W691012345.'),
        ul(
          'Siège social : 12 rue des Tanneurs, 69007 Lyon',
          'SIRET : 791 234 568 00027',
          'Courriel : [contact@gpm.fr](mailto:contact@gpm.fr)',
          'Téléphone : 04 65 71 20 45',
        ),
        h3('Direction de la publication'),
        p('Claire Morvan, présidente de l’association.'),
        h2('Hébergement'),
        p('Le site est hébergé par OVH SAS, 2 rue Kellermann, 59100 Roubaix, France ([www.ovhcloud.com](https://www.ovhcloud.com/fr/)).'),
        p('Les contenus éditoriaux sont administrés avec le service Sanity ([www.sanity.io](https://www.sanity.io)).'),
        h2('Paiements en ligne'),
        p('Les adhésions et les inscriptions aux formations sont encaissées par [HelloAsso](https://www.helloasso.com), solution de paiement dédiée aux associations. GPM n’a jamais accès à vos coordonnées bancaires.'),
        h2('Propriété intellectuelle'),
        p('L’ensemble des contenus de ce site (textes, illustrations, logos, supports de formation) est la propriété de GPM ou de ses partenaires. Toute reproduction, même partielle, est soumise à autorisation préalable, à l’exception des courtes citations mentionnant la source.'),
        h3('Crédits'),
        ul(
          'Illustrations : GPM',
          'Logos des partenaires : reproduits avec leur accord',
        ),
        h2('Responsabilité'),
        p('GPM s’efforce de tenir à jour les informations publiées, notamment les dates et les tarifs des formations. En cas d’écart, seules font foi les informations confirmées lors de l’inscription. Les liens vers des sites extérieurs n’engagent pas la responsabilité de l’association.'),
        h2('Données personnelles'),
        p('Le traitement de vos données est décrit dans notre [politique de confidentialité](ref:page-politique-de-confidentialite).'),
      ),
    },
  ], '2026-11-02T10:00:00Z'))

  docs.push(page('politique-de-confidentialite', 'politique-de-confidentialite', 'Politique de confidentialité', 'Politique de confidentialité — GPM', 'Quelles données GPM collecte, pourquoi, pendant combien de temps, et comment exercer vos droits.', [
    {
      _type: 'richText',
      body: pt(
        p('La protection de vos données personnelles est une priorité pour GPM. Cette page explique, le plus simplement possible, ce que nous faisons de vos informations, conformément au Règlement général sur la protection des données (RGPD) et à la loi « Informatique et libertés ».'),
        h2('Qui est responsable du traitement ?'),
        p('L’association GPM, 12 rue des Tanneurs, 69007 Lyon, représentée par sa présidente. Pour toute question : [contact@gpm.fr](mailto:contact@gpm.fr).'),
        h2('Quelles données collectons-nous ?'),
        h3('Formulaire de contact'),
        p('Votre nom, votre adresse électronique, le sujet et le contenu de votre message. Rien de plus.'),
        h3('Lettre d’information'),
        p('Votre adresse électronique, uniquement si vous vous inscrivez. Chaque lettre contient un lien de désinscription.'),
        h3('Adhésions et inscriptions'),
        p('Les paiements sont traités par HelloAsso, qui agit en tant que responsable de traitement distinct ; sa propre [politique de confidentialité](https://www.helloasso.com/confidentialite) s’applique. HelloAsso nous transmet vos nom, prénom, adresse électronique et, pour les formations, vos éventuels besoins d’adaptation.'),
        h2('Pour quelles finalités et sur quelles bases légales ?'),
        ul(
          'Répondre à vos messages : **intérêt légitime** de l’association',
          'Gérer les adhésions et les inscriptions : **exécution du contrat** qui nous lie',
          'Envoyer la lettre d’information : **consentement**, retirable à tout moment',
          'Tenir la comptabilité et délivrer les reçus fiscaux : **obligation légale**',
        ),
        h2('Combien de temps conservons-nous vos données ?'),
        ul(
          'Messages de contact : un an après le dernier échange',
          'Données des adhérents : la durée de l’adhésion, puis trois ans',
          'Pièces comptables : dix ans, comme la loi l’impose',
          'Lettre d’information : jusqu’à votre désinscription',
        ),
        h2('Qui peut y accéder ?'),
        p('Seuls les membres de l’équipe qui en ont besoin (coordination des formations, trésorerie) et nos prestataires techniques, tenus à la confidentialité. Vos données ne sont jamais vendues ni cédées.'),
        h2('Cookies et mesure d’audience'),
        p('Le site ne dépose aucun cookie publicitaire ni de réseau social. Nous utilisons une mesure d’audience anonyme, configurée pour être exemptée de consentement selon les recommandations de la CNIL.'),
        h2('Vos droits'),
        p('Vous disposez des droits d’accès, de rectification, d’effacement, de limitation, d’opposition et de portabilité. Pour les exercer :'),
        ol(
          'écrivez à [contact@gpm.fr](mailto:contact@gpm.fr) en précisant votre demande ;',
          'nous pourrons vous demander de justifier de votre identité ;',
          'nous vous répondons dans un délai d’un mois au plus.',
        ),
        p('Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la [CNIL](https://www.cnil.fr/fr/plaintes).'),
        h2('Modifications'),
        p('Cette politique peut évoluer. *Dernière mise à jour : 2 novembre 2026.*'),
      ),
    },
  ], '2026-11-02T10:00:00Z'))

  docs.push(page('adhesion-faq', 'adhesion-faq', 'Adhérer en ligne', 'Adhérer à GPM en ligne : formules et questions', 'Adhérez à GPM en quelques minutes grâce au formulaire sécurisé HelloAsso, et trouvez les réponses à vos questions sur l’adhésion.', [
    {
      _type: 'richText',
      body: pt(
        p('Adhérer à GPM, c’est soutenir une association indépendante qui rend la formation accessible au plus grand nombre. Choisissez votre formule, puis remplissez le formulaire ci-dessous : **le paiement est sécurisé et vous recevez votre reçu par courriel**.'),
      ),
    },
    {
      _type: 'membershipTiers',
      heading: 'Deux formules pour commencer',
      intro: 'La formule solidaire et la formule individuelle donnent accès aux mêmes tarifs sur les formations.',
      tiers: [ref('membership-solidaire'), ref('membership-individuelle')],
    },
    {
      _type: 'helloAssoEmbed',
      heading: 'Formulaire d’adhésion 2027',
      title: 'Formulaire d’adhésion à GPM sur HelloAsso',
      url: `${HA}/adhesions/adhesion-2027/widget`,
      height: 750,
    },
    {
      _type: 'formationList',
      heading: 'Trois formations où le tarif adhérent fait la différence',
      mode: 'manual',
      formations: [
        ref('formation-comptabilite-associative'),
        ref('formation-dossier-de-subvention'),
        ref('formation-animer-une-reunion'),
      ],
    },
    {
      _type: 'faq',
      heading: 'Vos questions sur l’adhésion',
      items: [
        { _type: 'faqItem', question: 'Quand mon adhésion prend-elle effet ?', answer: pt(p('Dès la validation du paiement. Elle est valable jusqu’au 31 décembre de l’année en cours ; à partir du 1er octobre, une nouvelle adhésion couvre aussi l’année suivante.')) },
        { _type: 'faqItem', question: 'Le paiement en ligne est-il sécurisé ?', answer: pt(p('Oui. Le paiement est opéré par HelloAsso, plateforme spécialisée dans les associations. HelloAsso vous proposera de laisser une contribution volontaire à son fonctionnement : elle est **facultative** et vous pouvez la ramener à zéro.')) },
        { _type: 'faqItem', question: 'Comment choisir l’adhésion solidaire ?', answer: pt(p('Il suffit de la sélectionner : aucun justificatif n’est demandé. Elle s’adresse aux personnes étudiantes, en recherche d’emploi ou aux revenus modestes.'), p(`Vous pouvez aussi [adhérer directement au tarif solidaire](ha:${MEMBERSHIP_URL.solidaire}).`)) },
        { _type: 'faqItem', question: 'Puis-je obtenir un reçu fiscal ?', answer: pt(p('Pour les membres bienfaiteurs, la part qui dépasse la cotisation individuelle est un don : elle ouvre droit à une réduction d’impôt de 66 % dans la limite de 20 % du revenu imposable. Le reçu fiscal vous est envoyé en début d’année.')) },
        { _type: 'faqItem', question: 'Mon association peut-elle adhérer ?', answer: pt(p('Oui : les associations adhèrent sur devis, selon leur taille. [Contactez-nous](ref:page-contact) en choisissant le sujet « Adhésion ».')) },
      ],
    },
  ], '2026-11-12T16:00:00Z'))

  // ---- Drafts ---------------------------------------------------------------

  // (a) Unpublished post, no published counterpart.
  const draftPublishedAt = paris('2026-11-27', '09:00')
  docs.push({
    _id: 'drafts.post-bilan-mi-saison',
    _type: 'post',
    ...stamp('2026-11-17T14:00:00Z', '2026-11-18T10:25:00Z'),
    title: `${DRAFT_MARKER} Bilan de mi-saison`,
    slug: slug('bilan-de-mi-saison'),
    publishedAt: draftPublishedAt,
    excerpt: 'Brouillon en cours de rédaction : premiers chiffres de la saison 2026-2027.',
    body: pt(
      p(`${DRAFT_MARKER} — texte à relire par Claire avant publication.`),
      h2('Les formations du trimestre'),
      ul('Chiffres de fréquentation à compléter', 'Retours des questionnaires de satisfaction'),
    ),
    author: ref('person-samia-bensaid'),
  })

  // (b) Draft edit of a published formation: same content, title changed.
  const published = docs.find(doc => doc._id === 'formation-reseaux-sociaux')!
  const draft = structuredClone(published)
  Object.assign(draft, {
    _id: 'drafts.formation-reseaux-sociaux',
    ...stamp('2026-11-18T08:00:00Z', '2026-11-18T08:40:00Z'),
    title: `Communiquer sur les réseaux sociaux ${DRAFT_MARKER}`,
  })
  docs.push(draft)

  return docs
}
