import { Badge, Box, Card, Flex, Heading, Stack, Text } from '@sanity/ui'
import type { BadgeTone } from '@sanity/ui'
import { useMemo } from 'react'
import type { UserViewComponent } from 'sanity/structure'
import { seoScoreOfDocument, type SeoStatus } from '../../shared/seo-score'

const STATUS_TONE: Record<SeoStatus, BadgeTone> = { ok: 'positive', warning: 'caution', error: 'critical' }
const STATUS_LABEL: Record<SeoStatus, string> = { ok: 'Bon', warning: 'À améliorer', error: 'À corriger' }

function scoreTone(score: number): BadgeTone {
  if (score >= 80) return 'positive'
  if (score >= 50) return 'caution'
  return 'critical'
}

/**
 * The « SEO » view of a page, formation, post or the home page: the score of
 * `shared/seo-score.ts` (the one the site's API uses) for the document as it
 * is being edited, recomputed on every change.
 */
export const SeoScoreView: UserViewComponent = ({ document }) => {
  const displayed = document.displayed
  const result = useMemo(() => seoScoreOfDocument(displayed), [displayed])

  if (!result) {
    return (
      <Box padding={4}>
        <Text muted>Ce type de contenu n’a pas de page à lui : pas de score SEO.</Text>
      </Box>
    )
  }

  const tone = scoreTone(result.score)
  return (
    <Box padding={4}>
      <Stack space={4}>
        <Card padding={4} radius={2} tone={tone} border>
          <Flex align="center" gap={4}>
            <Heading as="p" size={4}>
              {`${result.score} / 100`}
            </Heading>
            <Stack space={2}>
              <Text weight="semibold">Score SEO</Text>
              <Text size={1} muted>
                Calculé sur le contenu en cours de modification, avant publication. Un point à corriger coûte tous ses points, un point à améliorer la moitié.
              </Text>
            </Stack>
          </Flex>
        </Card>
        <Stack as="ul" space={2} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {result.checks.map(check => (
            <Card as="li" key={check.id} padding={3} radius={2} tone={STATUS_TONE[check.status]} border>
              <Stack space={3}>
                <Flex align="center" justify="space-between" gap={3}>
                  <Text weight="semibold">{check.label}</Text>
                  <Badge tone={STATUS_TONE[check.status]}>{STATUS_LABEL[check.status]}</Badge>
                </Flex>
                <Text size={1}>{check.message}</Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      </Stack>
    </Box>
  )
}
