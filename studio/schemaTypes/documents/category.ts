import { defineField, defineType } from 'sanity'
import { GROUPS, slugField } from '../fields'

export const categoryType = defineType({
  name: 'category',
  title: 'Catégorie',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Nom',
      type: 'string',
      description: 'Nom de la catégorie de formations (« Secourisme », « Prévention »).',
      group: 'content',
    }),
    slugField({
      description: 'Identifiant de la catégorie dans les adresses et les filtres du site, généré depuis le nom.',
      group: 'settings',
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description: 'Une ou deux phrases présentant les formations de cette catégorie.',
      group: 'content',
    }),
  ],
  preview: {
    select: { title: 'title', subtitle: 'description' },
  },
})
