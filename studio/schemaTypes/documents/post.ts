import { defineField, defineType } from 'sanity'
import { GROUPS, imageField, seoField, slugField } from '../fields'
import { formatDate, subtitle, workflowLabel } from '../preview'
import { workflowField } from '../workflow'

export const postType = defineType({
  name: 'post',
  title: 'Actualité',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'title',
      title: 'Titre',
      type: 'string',
      description: 'Titre de l’actualité, affiché dans la liste et en haut de l’article.',
      group: 'content',
    }),
    slugField({
      description: 'Adresse de l’article : gpm.fr/actualites/<identifiant>. Générée depuis le titre ; évitez de la changer une fois publiée.',
    }),
    defineField({
      name: 'excerpt',
      title: 'Chapô',
      type: 'text',
      rows: 3,
      description: 'Texte court affiché dans la liste des actualités et les résultats de recherche (160 caractères max.).',
      group: 'content',
      validation: rule => rule.max(160).warning('Le chapô dépasse 160 caractères : il sera coupé dans la liste et les résultats de recherche.'),
    }),
    defineField({
      name: 'body',
      title: 'Texte',
      type: 'blockContent',
      description: 'Texte de l’article : intertitres, listes, liens, images.',
      group: 'content',
    }),
    defineField({
      name: 'author',
      title: 'Auteur',
      type: 'reference',
      description: 'Membre de l’équipe qui signe l’article. Facultatif.',
      group: 'content',
      to: [{ type: 'person' }],
    }),
    imageField('coverImage', 'Image principale', {
      description: 'Image de la carte dans la liste et du haut de l’article (paysage, 1200 px de large au moins).',
      group: 'media',
    }),
    defineField({
      name: 'publishedAt',
      title: 'Date de publication',
      type: 'datetime',
      description: 'Date affichée sur l’article ; les actualités sont classées de la plus récente à la plus ancienne.',
      group: 'settings',
      options: { dateFormat: 'DD/MM/YYYY', timeFormat: 'HH:mm', displayTimeZone: 'Europe/Paris' },
      initialValue: () => new Date().toISOString(),
    }),
    seoField(),
    workflowField(),
  ],
  orderings: [
    { title: 'Plus récentes', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] },
  ],
  preview: {
    select: { title: 'title', publishedAt: 'publishedAt', author: 'author.name', media: 'coverImage', workflowState: 'workflow.state' },
    prepare({ title, publishedAt, author, media, workflowState }) {
      return { title, subtitle: subtitle(workflowLabel(workflowState), formatDate(publishedAt) ?? 'Non datée', author), media }
    },
  },
})
