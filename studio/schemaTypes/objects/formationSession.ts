import { defineField, defineType } from 'sanity'
import { checkPlaceCount, checkRegistrations, checkSessionDates } from '../../../shared/content-rules'
import { helloAssoUrlField } from '../fields'
import { formatDate, subtitle } from '../preview'

const FORMATS = [
  { title: 'Présentiel', value: 'presentiel' },
  { title: 'Distanciel', value: 'distanciel' },
]

const DATETIME_OPTIONS = {
  dateFormat: 'DD/MM/YYYY',
  timeFormat: 'HH:mm',
  timeStep: 15,
  displayTimeZone: 'Europe/Paris',
}

type SessionParent = { start?: string, capacity?: number } | undefined

export const formationSessionType = defineType({
  name: 'formationSession',
  title: 'Session',
  type: 'object',
  fieldsets: [
    { name: 'dates', title: 'Dates', options: { columns: 2 } },
    { name: 'places', title: 'Places', options: { columns: 2 } },
  ],
  fields: [
    defineField({
      name: 'start',
      title: 'Début',
      type: 'datetime',
      description: 'Date et heure de début (heure de Paris).',
      fieldset: 'dates',
      options: DATETIME_OPTIONS,
    }),
    defineField({
      name: 'end',
      title: 'Fin',
      type: 'datetime',
      description: 'Date et heure de fin du dernier jour (heure de Paris).',
      fieldset: 'dates',
      options: DATETIME_OPTIONS,
      validation: rule => rule.custom((end, context) => checkSessionDates((context.parent as SessionParent)?.start, end)),
    }),
    defineField({
      name: 'format',
      title: 'Format',
      type: 'string',
      description: 'Sur place ou à distance (visioconférence).',
      options: { list: FORMATS, layout: 'radio', direction: 'horizontal' },
      initialValue: 'presentiel',
    }),
    defineField({
      name: 'venue',
      title: 'Lieu',
      type: 'string',
      description: 'Nom et adresse du lieu (« Maison des associations, 12 rue … »), ou l’outil de visioconférence pour une session à distance.',
    }),
    defineField({
      name: 'city',
      title: 'Ville',
      type: 'string',
      description: 'Ville affichée avec la date de la session. Vide pour une session à distance.',
    }),
    defineField({
      name: 'capacity',
      title: 'Nombre de places',
      type: 'number',
      description: 'Places ouvertes pour cette session.',
      fieldset: 'places',
      validation: rule => rule.custom(checkPlaceCount),
    }),
    defineField({
      name: 'registrations',
      title: 'Places prises',
      type: 'number',
      description: 'Inscriptions déjà enregistrées, pour afficher les places restantes. À tenir à jour depuis HelloAsso.',
      fieldset: 'places',
      initialValue: 0,
      validation: rule => [
        rule.custom(checkPlaceCount),
        rule.custom((registrations, context) =>
          checkRegistrations(registrations, (context.parent as SessionParent)?.capacity)).warning(),
      ],
    }),
    helloAssoUrlField({
      name: 'registrationUrl',
      title: 'Lien d’inscription HelloAsso',
      description: 'Formulaire HelloAsso où l’on s’inscrit à cette session : https://www.helloasso.com/associations/<association>/evenements/…',
    }),
  ],
  preview: {
    select: {
      start: 'start',
      format: 'format',
      city: 'city',
      capacity: 'capacity',
      registrations: 'registrations',
    },
    prepare({ start, format, city, capacity, registrations }) {
      const places = typeof capacity === 'number' ? `${registrations ?? 0}/${capacity} places prises` : undefined
      return {
        title: formatDate(start) ?? 'Date à définir',
        subtitle: subtitle(format === 'distanciel' ? 'Distanciel' : city, places),
      }
    },
  },
})
