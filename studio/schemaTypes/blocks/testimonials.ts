import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel, subtitle } from '../preview'

export const testimonialsType = defineType({
  name: 'testimonials',
  title: 'Témoignages',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la section (« Ils en parlent »). Facultatif.',
    }),
    defineField({
      name: 'items',
      title: 'Témoignages',
      type: 'array',
      description: 'Témoignages de stagiaires, bénévoles ou partenaires, dans l’ordre d’affichage.',
      of: [defineArrayMember({ type: 'testimonial' })],
      validation: rule => rule.min(1),
    }),
  ],
  preview: {
    select: { heading: 'heading', items: 'items', media: 'items.0.photo' },
    prepare({ heading, items, media }) {
      return {
        title: heading || 'Témoignages',
        subtitle: subtitle('Témoignages', countLabel(items, { none: 'aucun témoignage', one: 'témoignage', many: 'témoignages' })),
        media,
      }
    },
  },
})
