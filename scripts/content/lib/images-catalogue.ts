/** Every illustration of the dataset. Each one is used at least once by the documents. */
import type { ImageSpec } from './images.ts'

export const IMAGES: ImageSpec[] = [
  // Logos (PNG, transparent)
  { name: 'logo-gpm', kind: 'logo', palette: 0, style: 'rings', originalFilename: 'logo-gpm.png' },
  { name: 'logo-fonds-rhone-solidarites', kind: 'logo', palette: 5, style: 'chevrons', originalFilename: 'logo-fonds-rhone-solidarites.png' },
  { name: 'logo-mutuelle-acteurs-associatifs', kind: 'logo', palette: 4, style: 'leaf', originalFilename: 'logo-mutuelle-acteurs-associatifs.png' },
  { name: 'logo-reseau-cap-benevolat', kind: 'logo', palette: 3, style: 'hexagon', originalFilename: 'logo-reseau-cap-benevolat.png' },
  { name: 'logo-cooperative-les-tisserands', kind: 'logo', palette: 2, style: 'arch', originalFilename: 'logo-cooperative-les-tisserands.png' },
  { name: 'logo-fondation-ancrages', kind: 'logo', palette: 11, style: 'grid', originalFilename: 'logo-fondation-ancrages.png' },

  // Covers 1600×900
  { name: 'cover-home', kind: 'cover', palette: 0, style: 'hills', originalFilename: 'accueil-bandeau.jpg' },
  { name: 'cover-gouvernance', kind: 'cover', palette: 9, style: 'geometric', originalFilename: 'formation-gouvernance.jpg' },
  { name: 'cover-comptabilite', kind: 'cover', palette: 10, style: 'horizon', originalFilename: 'formation-comptabilite.jpg' },
  { name: 'cover-subvention', kind: 'cover', palette: 1, style: 'bokeh', originalFilename: 'formation-subvention.jpg' },
  { name: 'cover-reseaux-sociaux', kind: 'cover', palette: 6, style: 'waves', originalFilename: 'formation-reseaux-sociaux.jpg' },
  { name: 'cover-site-web', kind: 'cover', palette: 13, style: 'geometric', originalFilename: 'formation-site-web.jpg' },
  { name: 'cover-benevoles', kind: 'cover', palette: 8, style: 'group', originalFilename: 'formation-benevoles.jpg' },
  { name: 'cover-psc1', kind: 'cover', palette: 3, style: 'hills', originalFilename: 'formation-psc1.jpg' },
  { name: 'cover-securite-evenements', kind: 'cover', palette: 7, style: 'bokeh', originalFilename: 'formation-securite-evenements.jpg' },
  { name: 'cover-rentree', kind: 'cover', palette: 11, style: 'horizon', originalFilename: 'actu-rentree-2025.jpg' },
  { name: 'cover-assemblee-generale', kind: 'cover', palette: 12, style: 'group', originalFilename: 'actu-assemblee-generale.jpg' },
  { name: 'cover-catalogue', kind: 'cover', palette: 5, style: 'geometric', originalFilename: 'actu-catalogue.jpg' },
  { name: 'cover-partenariat', kind: 'cover', palette: 4, style: 'waves', originalFilename: 'actu-partenariat.jpg' },
  { name: 'cover-temoignages', kind: 'cover', palette: 2, style: 'bokeh', originalFilename: 'actu-temoignages.jpg' },
  { name: 'cover-adhesion-solidaire', kind: 'cover', palette: 1, style: 'hills', originalFilename: 'actu-adhesion-solidaire.jpg' },
  { name: 'cover-calendrier', kind: 'cover', palette: 9, style: 'horizon', originalFilename: 'actu-calendrier-2027.jpg' },

  // Gallery 1200×800
  { name: 'gallery-atelier', kind: 'gallery', palette: 13, style: 'group', originalFilename: 'galerie-atelier.jpg' },
  { name: 'gallery-assemblee', kind: 'gallery', palette: 6, style: 'hills', originalFilename: 'galerie-assemblee.jpg' },
  { name: 'gallery-forum', kind: 'gallery', palette: 10, style: 'geometric', originalFilename: 'galerie-forum.jpg' },
  { name: 'gallery-classe-virtuelle', kind: 'gallery', palette: 9, style: 'waves', originalFilename: 'galerie-classe-virtuelle.jpg' },
  { name: 'gallery-fin-de-saison', kind: 'gallery', palette: 3, style: 'horizon', originalFilename: 'galerie-fin-de-saison.jpg' },
  { name: 'inline-assemblee-vote', kind: 'gallery', palette: 0, style: 'group', originalFilename: 'ag-2025-vote.jpg' },

  // Portraits 800×800
  { name: 'portrait-claire-morvan', kind: 'portrait', palette: 0, originalFilename: 'claire-morvan.jpg' },
  { name: 'portrait-julien-thebault', kind: 'portrait', palette: 4, originalFilename: 'julien-thebault.jpg' },
  { name: 'portrait-samia-bensaid', kind: 'portrait', palette: 6, originalFilename: 'samia-bensaid.jpg' },
  { name: 'portrait-thomas-nguyen', kind: 'portrait', palette: 11, originalFilename: 'thomas-nguyen.jpg' },
  { name: 'portrait-marc-antoine-leroux', kind: 'portrait', palette: 10, originalFilename: 'marc-antoine-leroux.jpg' },
  { name: 'portrait-helene-garnier', kind: 'portrait', palette: 2, originalFilename: 'helene-garnier.jpg' },
  { name: 'portrait-nadia', kind: 'portrait', palette: 13, originalFilename: 'temoignage-nadia.jpg' },
  { name: 'portrait-bastien', kind: 'portrait', palette: 8, originalFilename: 'temoignage-bastien.jpg' },
]
