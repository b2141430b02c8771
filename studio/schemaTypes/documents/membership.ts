import { defineArrayMember, defineField, defineType } from 'sanity'
import { MISSING_MEMBERSHIP_URL_WARNING } from '../../../shared/content-rules'
import { GROUPS, helloAssoUrlField } from '../fields'
import { formatEuros, subtitle, workflowLabel } from '../preview'
import { workflowField } from '../workflow'

const PERIODS = [
  { title: 'Annuelle', value: 'annuelle' },
  { title: 'Mensuelle', value: 'mensuelle' },
  { title: 'Unique', value: 'unique' },
]

const PERIOD_SUFFIX: Record<string, string> = { annuelle: ' / an', mensuelle: ' / mois', unique: '' }

export const membershipType = defineType({
  name: 'membership',
  title: 'Formule d’adhésion',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Nom de la formule',
      type: 'string',
      description: 'Nom affiché sur la carte de la formule (« Adhésion individuelle », « Membre bienfaiteur »).',
      group: 'content',
    }),
    defineField({
      name: 'price',
      title: 'Prix (€)',
      type: 'number',
      description: 'Montant en euros. 0 pour une adhésion gratuite ou à prix libre.',
      group: 'content',
      validation: rule => rule.min(0).precision(2),
    }),
    defineField({
      name: 'period',
      title: 'Périodicité',
      type: 'string',
      description: 'Fréquence du paiement, affichée après le prix (« / an », « / mois »).',
      group: 'content',
      options: { list: PERIODS, layout: 'radio', direction: 'horizontal' },
      initialValue: 'annuelle',
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description: 'Une ou deux phrases : à qui s’adresse la formule.',
      group: 'content',
    }),
    defineField({
      name: 'benefits',
      title: 'Avantages',
      type: 'array',
      description: 'Ce que la formule apporte, un avantage par ligne (« Tarif réduit sur les formations »).',
      group: 'content',
      of: [defineArrayMember({ type: 'string' })],
    }),
    helloAssoUrlField({
      title: 'Lien d’adhésion HelloAsso',
      description: 'Formulaire d’adhésion HelloAsso de cette formule : https://www.helloasso.com/associations/<association>/adhesions/…',
      group: 'content',
      whenMissing: { warning: MISSING_MEMBERSHIP_URL_WARNING },
    }),
    defineField({
      name: 'highlighted',
      title: 'Mettre en avant',
      type: 'boolean',
      description: 'Fait ressortir cette formule parmi les autres (la plus choisie, par exemple). Une seule à la fois de préférence.',
      group: 'settings',
      initialValue: false,
    }),
    defineField({
      name: 'order',
      title: 'Ordre d’affichage',
      type: 'number',
      description: 'Position de la formule dans les listes : la plus petite valeur vient en premier.',
      group: 'settings',
      validation: rule => rule.integer(),
    }),
    workflowField(),
  ],
  orderings: [
    { title: 'Ordre d’affichage', name: 'orderAsc', by: [{ field: 'order', direction: 'asc' }, { field: 'price', direction: 'asc' }] },
    { title: 'Prix croissant', name: 'priceAsc', by: [{ field: 'price', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', price: 'price', period: 'period', highlighted: 'highlighted', workflowState: 'workflow.state' },
    prepare({ title, price, period, highlighted, workflowState }) {
      const amount = formatEuros(price)
      return {
        title,
        subtitle: subtitle(workflowLabel(workflowState), amount && `${amount}${PERIOD_SUFFIX[period] ?? ''}`, highlighted && 'mise en avant'),
      }
    },
  },
})
