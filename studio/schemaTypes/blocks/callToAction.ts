import { defineField, defineType } from 'sanity'
import { subtitle } from '../preview'

const TONES = [
  { title: 'Sobre', value: 'default' },
  { title: 'Accentué', value: 'accent' },
]

export const callToActionType = defineType({
  name: 'callToAction',
  title: 'Appel à l’action',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Phrase d’accroche qui invite à agir (« Prêt à vous former ? »).',
    }),
    defineField({
      name: 'text',
      title: 'Texte',
      type: 'text',
      rows: 3,
      description: 'Une ou deux phrases pour convaincre. Facultatif.',
    }),
    defineField({
      name: 'action',
      title: 'Bouton',
      type: 'link',
      description: 'Le bouton et sa destination.',
    }),
    defineField({
      name: 'tone',
      title: 'Style',
      type: 'string',
      description: 'Sobre : sur le fond de la page. Accentué : sur la couleur de l’association, pour l’appel le plus important de la page.',
      options: { list: TONES, layout: 'radio', direction: 'horizontal' },
      initialValue: 'default',
    }),
  ],
  preview: {
    select: { heading: 'heading', tone: 'tone', label: 'action.label' },
    prepare({ heading, tone, label }) {
      return {
        title: heading || 'Appel à l’action sans titre',
        subtitle: subtitle('Appel à l’action', tone === 'accent' && 'accentué', label && `bouton « ${label} »`),
      }
    },
  },
})
