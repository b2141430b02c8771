import { defineField, defineType } from 'sanity'
import { GROUPS, imageField } from '../fields'

export const personType = defineType({
  name: 'person',
  title: 'Membre de l’équipe',
  type: 'document',
  groups: GROUPS,
  fields: [
    defineField({
      name: 'name',
      title: 'Nom',
      type: 'string',
      description: 'Prénom et nom, tels qu’ils s’affichent sur le site.',
      group: 'content',
    }),
    defineField({
      name: 'jobTitle',
      title: 'Fonction',
      type: 'string',
      description: 'Rôle dans l’association (« Présidente », « Formateur secourisme »).',
      group: 'content',
    }),
    defineField({
      name: 'bio',
      title: 'Présentation',
      type: 'text',
      rows: 4,
      description: 'Quelques lignes sur la personne : parcours, spécialités.',
      group: 'content',
    }),
    imageField('photo', 'Photo', {
      description: 'Portrait, cadré sur le visage (carré de préférence), publié avec l’accord de la personne.',
      group: 'media',
    }),
    defineField({
      name: 'showOnTeamPage',
      title: 'Afficher sur la page équipe',
      type: 'boolean',
      description: 'Désactivez pour une personne qui signe des articles ou anime des formations sans figurer dans la liste de l’équipe.',
      group: 'settings',
      initialValue: true,
    }),
    defineField({
      name: 'order',
      title: 'Ordre d’affichage',
      type: 'number',
      description: 'Position dans la liste de l’équipe : la plus petite valeur vient en premier.',
      group: 'settings',
      validation: rule => rule.integer(),
    }),
  ],
  orderings: [
    { title: 'Ordre d’affichage', name: 'orderAsc', by: [{ field: 'order', direction: 'asc' }, { field: 'name', direction: 'asc' }] },
    { title: 'Nom', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'name', subtitle: 'jobTitle', media: 'photo' },
  },
})
