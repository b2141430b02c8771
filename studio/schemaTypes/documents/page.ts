import { defineField, defineType } from 'sanity'
import { GROUPS, seoField, slugField } from '../fields'
import { pageBuilderField } from '../pageBuilder'
import { subtitle, workflowLabel } from '../preview'
import { workflowField } from '../workflow'

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
    workflowField(),
  ],
  preview: {
    select: { title: 'title', slug: 'slug.current', workflowState: 'workflow.state' },
    prepare({ title, slug, workflowState }) {
      return { title, subtitle: subtitle(workflowLabel(workflowState), slug ? `/${slug}` : 'Adresse à définir') }
    },
  },
})
