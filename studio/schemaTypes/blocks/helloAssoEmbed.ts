import { defineField, defineType } from 'sanity'
import { helloAssoUrlField } from '../fields'
import { subtitle } from '../preview'

export const helloAssoEmbedType = defineType({
  name: 'helloAssoEmbed',
  title: 'Formulaire HelloAsso',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Titre',
      type: 'string',
      description: 'Titre affiché au-dessus du formulaire. Facultatif.',
    }),
    defineField({
      name: 'title',
      title: 'Titre du formulaire (accessibilité)',
      type: 'string',
      description: 'Décrit le formulaire intégré pour les lecteurs d’écran (« Formulaire d’adhésion 2025 sur HelloAsso »). Non affiché.',
    }),
    helloAssoUrlField({
      name: 'url',
      title: 'Adresse du widget HelloAsso',
      description: 'Adresse du widget fournie par HelloAsso pour intégrer le formulaire dans un site : https://www.helloasso.com/associations/<association>/…/widget',
    }),
    defineField({
      name: 'height',
      title: 'Hauteur (px)',
      type: 'number',
      description: 'Hauteur du cadre en pixels. Augmentez-la si le formulaire affiche une barre de défilement.',
      initialValue: 750,
      validation: rule => rule.integer().min(200).max(4000),
    }),
  ],
  preview: {
    select: { heading: 'heading', title: 'title', url: 'url' },
    prepare({ heading, title, url }) {
      return { title: heading || title || 'Formulaire HelloAsso', subtitle: subtitle('HelloAsso', url) }
    },
  },
})
