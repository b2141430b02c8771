import { defineArrayMember, defineField, defineType } from 'sanity'
import { GROUPS, imageField, seoField, slugField } from '../fields'
import { nextSessionLabel, subtitle, workflowLabel } from '../preview'
import { workflowField } from '../workflow'

const FORMATION_LEVELS = [
  { title: 'Débutant', value: 'debutant' },
  { title: 'Intermédiaire', value: 'intermediaire' },
  { title: 'Avancé', value: 'avance' },
  { title: 'Tous niveaux', value: 'tous' },
]

export const formationType = defineType({
  name: 'formation',
  title: 'Formation',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Titre',
      type: 'string',
      description: 'Nom de la formation, tel qu’il apparaît dans le catalogue.',
      group: 'content',
    }),
    slugField({
      description: 'Adresse de la formation : gpm.fr/formations/<identifiant>. Générée depuis le titre ; évitez de la changer une fois publiée.',
    }),
    defineField({
      name: 'summary',
      title: 'Résumé',
      type: 'text',
      rows: 3,
      description: 'Texte court affiché dans les cartes du catalogue et les résultats de recherche (160 caractères max.).',
      group: 'content',
      validation: rule => rule.max(160).warning('Le résumé dépasse 160 caractères : il sera coupé dans les cartes et les résultats de recherche.'),
    }),
    defineField({
      name: 'body',
      title: 'Présentation',
      type: 'blockContent',
      description: 'Présentation détaillée : contenu, déroulé, méthode pédagogique.',
      group: 'content',
    }),
    defineField({
      name: 'objectives',
      title: 'Objectifs',
      type: 'array',
      description: 'Ce que le stagiaire saura faire à la fin, une compétence par ligne, commençant par un verbe (« Réagir face à un malaise »).',
      group: 'content',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'prerequisites',
      title: 'Prérequis',
      type: 'array',
      description: 'Conditions pour s’inscrire, une par ligne. Laissez vide s’il n’y en a pas.',
      group: 'content',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'audience',
      title: 'Public',
      type: 'text',
      rows: 3,
      description: 'À qui s’adresse la formation (professionnels, bénévoles, grand public…).',
      group: 'content',
    }),
    defineField({
      name: 'instructors',
      title: 'Formateurs',
      type: 'array',
      description: 'Personnes qui animent la formation, choisies dans l’équipe.',
      group: 'content',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'person' }] })],
      validation: rule => rule.unique(),
    }),
    imageField('coverImage', 'Image principale', {
      description: 'Image de la carte dans le catalogue et du haut de la page (paysage, 1200 px de large au moins).',
      group: 'media',
    }),
    defineField({
      name: 'category',
      title: 'Catégorie',
      type: 'reference',
      description: 'Thème de la formation, pour le classement du catalogue.',
      group: 'settings',
      to: [{ type: 'category' }],
    }),
    defineField({
      name: 'level',
      title: 'Niveau',
      type: 'string',
      description: 'Niveau attendu des participants.',
      group: 'settings',
      options: { list: FORMATION_LEVELS, layout: 'radio', direction: 'horizontal' },
    }),
    defineField({
      name: 'duration',
      title: 'Durée',
      type: 'string',
      description: 'Durée telle qu’elle s’affiche, par exemple « 2 jours (14 h) ».',
      group: 'settings',
    }),
    defineField({
      name: 'prices',
      title: 'Tarifs',
      type: 'array',
      description: 'Un tarif par public (plein, adhérent, réduit…). Un montant de 0 s’affiche « Gratuit ».',
      group: 'settings',
      of: [defineArrayMember({ type: 'price' })],
    }),
    defineField({
      name: 'sessions',
      title: 'Sessions',
      type: 'array',
      description: 'Dates de la formation, chacune avec son lieu, ses places et son lien d’inscription HelloAsso. Les sessions passées peuvent rester : seules les prochaines sont proposées.',
      group: 'settings',
      of: [defineArrayMember({ type: 'formationSession' })],
    }),
    seoField(),
    workflowField(),
  ],
  orderings: [
    { title: 'Titre', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', sessions: 'sessions', category: 'category.title', media: 'coverImage', workflowState: 'workflow.state' },
    prepare({ title, sessions, category, media, workflowState }) {
      return { title, subtitle: subtitle(workflowLabel(workflowState), nextSessionLabel(sessions), category), media }
    },
  },
})
