import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel, subtitle } from '../preview'

export const teamListType = defineType({
  name: 'teamList',
  title: 'Équipe',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la section (« L’équipe »). Facultatif.',
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'text',
      rows: 3,
      description: 'Quelques mots de présentation de l’équipe. Facultatif.',
    }),
    defineField({
      name: 'people',
      title: 'Personnes',
      type: 'array',
      description: 'Personnes à présenter, dans l’ordre voulu. Laissez vide pour afficher toutes les personnes marquées « Afficher sur la page équipe ».',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'person' }] })],
      validation: rule => rule.unique(),
    }),
  ],
  preview: {
    select: { heading: 'heading', people: 'people' },
    prepare({ heading, people }) {
      return {
        title: heading || 'Équipe',
        subtitle: subtitle('Équipe', countLabel(people, { none: 'toute l’équipe affichée', one: 'personne choisie', many: 'personnes choisies' })),
      }
    },
  },
})
