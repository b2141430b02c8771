import { defineArrayMember, defineField, defineType } from 'sanity'
import { subtitle } from '../preview'

export const keyFiguresType = defineType({
  name: 'keyFigures',
  title: 'Chiffres clés',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la section (« L’association en chiffres »). Facultatif.',
    }),
    defineField({
      name: 'figures',
      title: 'Chiffres',
      type: 'array',
      description: 'Trois ou quatre chiffres marquants, chacun avec sa légende.',
      of: [defineArrayMember({ type: 'keyFigure' })],
      validation: rule => rule.min(1),
    }),
  ],
  preview: {
    select: { heading: 'heading', figures: 'figures' },
    prepare({ heading, figures }) {
      const values = Array.isArray(figures)
        ? figures.map((figure: { value?: string }) => figure.value).filter(Boolean).join(', ')
        : undefined
      return { title: heading || 'Chiffres clés', subtitle: subtitle('Chiffres clés', values) }
    },
  },
})
