import { defineArrayMember, defineField, defineType } from 'sanity'
import { REQUIRED_ANNOTATION_FIELDS } from '../../../shared/required-fields'
import { helloAssoUrlField, imageArrayMember } from '../fields'
import { ExternalLinkIcon, InternalLinkIcon, TicketIcon } from '../icons'
import { withRequiredFieldsAll } from '../required'

/** Rich text (Portable Text) of formations, posts, FAQ answers and richText blocks. */
export const blockContentType = defineType({
  name: 'blockContent',
  title: 'Texte riche',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Paragraphe', value: 'normal' },
        { title: 'Titre 2', value: 'h2' },
        { title: 'Titre 3', value: 'h3' },
        { title: 'Titre 4', value: 'h4' },
        { title: 'Citation', value: 'blockquote' },
      ],
      lists: [
        { title: 'Liste à puces', value: 'bullet' },
        { title: 'Liste numérotée', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Gras', value: 'strong' },
          { title: 'Italique', value: 'em' },
        ],
        // Required fields of annotations come from the shared table, like those of every other type.
        annotations: withRequiredFieldsAll([
          defineArrayMember({
            name: 'link',
            title: 'Lien externe',
            type: 'object',
            icon: ExternalLinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'Adresse',
                type: 'url',
                description: 'Adresse complète d’un autre site (https://…), ou mailto:adresse@exemple.fr, ou tel:+33…',
                validation: rule => rule.uri({ scheme: ['https', 'http', 'mailto', 'tel'] }),
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: 'Lien vers un contenu du site',
            type: 'object',
            icon: InternalLinkIcon,
            fields: [
              defineField({
                name: 'reference',
                title: 'Contenu lié',
                type: 'reference',
                description: 'Page, formation ou actualité du site. Le lien suit le contenu même si son adresse change.',
                to: [{ type: 'page' }, { type: 'formation' }, { type: 'post' }],
              }),
            ],
          }),
          defineArrayMember({
            name: 'helloAssoLink',
            title: 'Lien HelloAsso',
            type: 'object',
            icon: TicketIcon,
            fields: [
              helloAssoUrlField({
                name: 'href',
                title: 'Adresse HelloAsso',
                description: 'Formulaire HelloAsso de l’association (adhésion, inscription, don) : https://www.helloasso.com/associations/<association>/…',
              }),
            ],
          }),
        ], REQUIRED_ANNOTATION_FIELDS),
      },
    }),
    imageArrayMember(),
  ],
})
