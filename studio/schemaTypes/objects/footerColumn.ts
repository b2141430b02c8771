import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel } from '../preview'

export const footerColumnType = defineType({
  name: 'footerColumn',
  title: 'Colonne du pied de page',
  type: 'object',
  fields: [
    defineField({
      name: 'title',
      title: 'Titre de la colonne',
      type: 'string',
      description: 'Intitulé affiché au-dessus des liens (« L’association », « Se former »).',
    }),
    defineField({
      name: 'links',
      title: 'Liens',
      type: 'array',
      description: 'Liens de la colonne, dans l’ordre d’affichage.',
      of: [defineArrayMember({ type: 'link' })],
    }),
  ],
  preview: {
    select: { title: 'title', links: 'links' },
    prepare({ title, links }) {
      return { title, subtitle: countLabel(links, { none: 'aucun lien', one: 'lien', many: 'liens' }) }
    },
  },
})
