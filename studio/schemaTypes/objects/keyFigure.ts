import { defineField, defineType } from 'sanity'

export const keyFigureType = defineType({
  name: 'keyFigure',
  title: 'Chiffre clé',
  type: 'object',
  fields: [
    defineField({
      name: 'value',
      title: 'Valeur',
      type: 'string',
      description: 'Le chiffre mis en avant, tel qu’il doit s’afficher (« 1 200 », « 98 % », « 25 ans »).',
    }),
    defineField({
      name: 'label',
      title: 'Légende',
      type: 'string',
      description: 'Ce que mesure le chiffre (« personnes formées en 2024 »).',
    }),
  ],
  preview: {
    select: { value: 'value', label: 'label' },
    prepare({ value, label }) {
      return { title: value, subtitle: label }
    },
  },
})
