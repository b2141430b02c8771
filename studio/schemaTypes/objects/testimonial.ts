import { defineField, defineType } from 'sanity'
import { imageField } from '../fields'

export const testimonialType = defineType({
  name: 'testimonial',
  title: 'Témoignage',
  type: 'object',
  fields: [
    defineField({
      name: 'quote',
      title: 'Citation',
      type: 'text',
      rows: 4,
      description: 'Les mots de la personne, sans guillemets. Quelques phrases au plus.',
    }),
    defineField({
      name: 'author',
      title: 'Auteur',
      type: 'string',
      description: 'Prénom et nom, ou prénom seul si la personne le préfère.',
    }),
    defineField({
      name: 'role',
      title: 'Fonction',
      type: 'string',
      description: 'Qui parle (« Stagiaire 2024 », « Bénévole », « Directrice d’école »). Facultatif.',
    }),
    imageField('photo', 'Photo', {
      description: 'Portrait carré de la personne, avec son accord. Facultatif.',
    }),
  ],
  preview: {
    select: { author: 'author', quote: 'quote', media: 'photo' },
    prepare({ author, quote, media }) {
      return { title: author, subtitle: quote, media }
    },
  },
})
