import { defineField, defineType } from 'sanity'
import { formatEuros, subtitle } from '../preview'

export const priceType = defineType({
  name: 'price',
  title: 'Tarif',
  type: 'object',
  fields: [
    defineField({
      name: 'label',
      title: 'Intitulé',
      type: 'string',
      description: 'À qui s’applique ce tarif (« Tarif plein », « Adhérent », « Demandeur d’emploi »).',
    }),
    defineField({
      name: 'amount',
      title: 'Montant (€)',
      type: 'number',
      description: 'Prix en euros TTC. 0 affiche « Gratuit ».',
      validation: rule => rule.min(0).precision(2),
    }),
    defineField({
      name: 'note',
      title: 'Précision',
      type: 'string',
      description: 'Complément affiché à côté du prix (« repas compris », « prise en charge OPCO possible »). Facultatif.',
    }),
  ],
  preview: {
    select: { label: 'label', amount: 'amount', note: 'note' },
    prepare({ label, amount, note }) {
      return { title: label, subtitle: subtitle(formatEuros(amount), note) }
    },
  },
})
