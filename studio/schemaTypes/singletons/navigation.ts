import { defineArrayMember, defineField, defineType } from 'sanity'
import { countLabel } from '../preview'

export const navigationType = defineType({
  name: 'navigation',
  title: 'Navigation',
  type: 'document',
  fields: [
    defineField({
      name: 'headerLinks',
      title: 'Menu principal',
      type: 'array',
      description: 'Liens du menu en haut de chaque page, de gauche à droite. Cinq ou six au plus pour rester lisible sur mobile.',
      of: [defineArrayMember({ type: 'link' })],
    }),
    defineField({
      name: 'headerCta',
      title: 'Bouton du menu',
      type: 'link',
      description: 'Bouton mis en évidence à droite du menu (« Adhérer », « S’inscrire »). Facultatif.',
    }),
    defineField({
      name: 'footerColumns',
      title: 'Colonnes du pied de page',
      type: 'array',
      description: 'Groupes de liens du pied de page, chacun avec son titre.',
      of: [defineArrayMember({ type: 'footerColumn' })],
    }),
    defineField({
      name: 'legalLinks',
      title: 'Liens légaux',
      type: 'array',
      description: 'Liens en bas du pied de page : mentions légales, politique de confidentialité, gestion des cookies.',
      of: [defineArrayMember({ type: 'link' })],
    }),
  ],
  preview: {
    select: { headerLinks: 'headerLinks' },
    prepare({ headerLinks }) {
      return {
        title: 'Navigation',
        subtitle: `Menu : ${countLabel(headerLinks, { none: 'aucun lien', one: 'lien', many: 'liens' })}`,
      }
    },
  },
})
