import { defineArrayMember, defineField, defineType } from 'sanity'
import { imageField } from '../fields'
import { subtitle } from '../preview'

export const heroType = defineType({
  name: 'hero',
  title: 'Bandeau d’en-tête',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Grand titre du bandeau, en haut de la page. Une seule idée, en quelques mots.',
    }),
    defineField({
      name: 'text',
      title: 'Texte',
      type: 'text',
      rows: 3,
      description: 'Une ou deux phrases sous le titre pour dire ce que le visiteur trouvera ici.',
    }),
    imageField('image', 'Image', {
      description: 'Grande image du bandeau (paysage, 1600 px de large au moins). Réglez le point d’intérêt pour qu’il reste visible sur mobile.',
    }),
    defineField({
      name: 'actions',
      title: 'Boutons',
      type: 'array',
      description: 'Un ou deux boutons sous le texte ; le premier est le plus visible.',
      of: [defineArrayMember({ type: 'link' })],
      validation: rule => rule.max(2),
    }),
  ],
  preview: {
    select: { heading: 'heading', text: 'text', media: 'image' },
    prepare({ heading, text, media }) {
      return { title: heading || 'Bandeau sans titre', subtitle: subtitle('Bandeau', text), media }
    },
  },
})
