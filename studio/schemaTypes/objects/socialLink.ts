import { defineField, defineType } from 'sanity'

const PLATFORMS = [
  { title: 'Facebook', value: 'facebook' },
  { title: 'Instagram', value: 'instagram' },
  { title: 'LinkedIn', value: 'linkedin' },
  { title: 'YouTube', value: 'youtube' },
  { title: 'Mastodon', value: 'mastodon' },
  { title: 'X (Twitter)', value: 'x' },
]

export const socialLinkType = defineType({
  name: 'socialLink',
  title: 'Réseau social',
  type: 'object',
  fields: [
    defineField({
      name: 'platform',
      title: 'Réseau',
      type: 'string',
      description: 'Réseau social, pour afficher la bonne icône.',
      options: { list: PLATFORMS },
    }),
    defineField({
      name: 'url',
      title: 'Adresse du profil',
      type: 'url',
      description: 'Adresse complète de la page de l’association sur ce réseau (https://…).',
      validation: rule => rule.uri({ scheme: ['https'] }),
    }),
  ],
  preview: {
    select: { platform: 'platform', url: 'url' },
    prepare({ platform, url }) {
      return {
        title: PLATFORMS.find(item => item.value === platform)?.title ?? 'Réseau à choisir',
        subtitle: url,
      }
    },
  },
})
