// Sanity's visual editing overlays, on preview pages only (the server adds
// this script when the preview cookie is valid). Click-to-edit works inside
// the Studio's Presentation tool; elsewhere the overlays stay inactive.
import { enableVisualEditing } from './visual-editing/index.js'

enableVisualEditing()
