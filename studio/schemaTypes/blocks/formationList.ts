import { defineArrayMember, defineField, defineType } from 'sanity'
import { checkFormationListSelection } from '../../../shared/content-rules'
import { countLabel, subtitle } from '../preview'

const MODES = [
  { title: 'Prochaines sessions', value: 'upcoming' },
  { title: 'Une catégorie', value: 'category' },
  { title: 'Sélection manuelle', value: 'manual' },
]

type Mode = 'upcoming' | 'category' | 'manual'

function modeOf(parent: unknown): Mode | undefined {
  return (parent as { mode?: Mode } | undefined)?.mode
}

export const formationListType = defineType({
  name: 'formationList',
  title: 'Liste de formations',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre au-dessus de la liste (« Nos prochaines formations »). Facultatif.',
    }),
    defineField({
      name: 'mode',
      title: 'Formations affichées',
      type: 'string',
      description: 'Prochaines sessions : les formations dont une session approche, automatiquement. Une catégorie : les formations de la catégorie choisie. Sélection manuelle : les formations choisies ci-dessous, dans cet ordre.',
      options: { list: MODES, layout: 'radio' },
      initialValue: 'upcoming',
    }),
    defineField({
      name: 'category',
      title: 'Catégorie',
      type: 'reference',
      description: 'Catégorie dont les formations sont listées.',
      to: [{ type: 'category' }],
      hidden: ({ parent }) => modeOf(parent) !== 'category',
      validation: rule => rule.custom((_category, context) => checkFormationListSelection(context.parent, 'category')),
    }),
    defineField({
      name: 'formations',
      title: 'Formations',
      type: 'array',
      description: 'Formations à afficher, dans l’ordre voulu.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'formation' }] })],
      hidden: ({ parent }) => modeOf(parent) !== 'manual',
      validation: rule => rule.unique().custom((_formations, context) => checkFormationListSelection(context.parent, 'formations')),
    }),
    defineField({
      name: 'limit',
      title: 'Nombre maximum',
      type: 'number',
      description: 'Nombre de formations affichées au plus.',
      initialValue: 6,
      hidden: ({ parent }) => modeOf(parent) === 'manual',
      validation: rule => rule.integer().min(1).max(24),
    }),
  ],
  preview: {
    select: { heading: 'heading', mode: 'mode', category: 'category.title', formations: 'formations', limit: 'limit' },
    prepare({ heading, mode, category, formations, limit }) {
      const detail = {
        upcoming: 'prochaines sessions',
        category: category ? `catégorie « ${category} »` : 'catégorie à choisir',
        manual: countLabel(formations, { none: 'aucune formation choisie', one: 'formation choisie', many: 'formations choisies' }),
      }[mode as Mode]
      return {
        title: heading || 'Liste de formations',
        subtitle: subtitle('Formations', detail, mode !== 'manual' && typeof limit === 'number' && `${limit} au plus`),
      }
    },
  },
})
