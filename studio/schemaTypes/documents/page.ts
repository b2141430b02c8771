import { defineField, defineType } from 'sanity'
import { GROUPS, seoField, slugField } from '../fields'
import { pageBuilderField } from '../pageBuilder'

export const pageType = defineType({
  name: 'page',
  title: 'Page',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Titre',
      type: 'string',
      description: 'Titre de la page, affiché dans le fil d’Ariane, les listes et l’onglet du navigateur.',
      group: 'content',
    }),
    slugField({
      description: 'Adresse de la page après gpm.fr/, générée depuis le titre. Un « / » range la page sous une autre : « association/equipe » donne gpm.fr/association/equipe.',
      pagePath: true,
    }),
    pageBuilderField(),
    seoField(),
  ],
  preview: {
    select: { title: 'title', slug: 'slug.current' },
    prepare({ title, slug }) {
      return { title, subtitle: slug ? `/${slug}` : 'Adresse à définir' }
    },
  },
})
