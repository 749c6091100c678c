'use client'
import { PublishButton, useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Payload's publish button, whose schedule drawer opens on "Publish" for a document that was never published.
 * Payload starts the drawer on "Unpublish" whenever a document has no draft newer than its published version,
 * which is always so for a document never published: its one draft is not counted as newer than nothing.
 */
export const SchedulePublishButton = (props: Parameters<typeof PublishButton>[0]) => {
  const { hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount } = useDocumentInfo()
  useEffect(() => {
    if (!hasPublishedDoc && unpublishedVersionCount === 0) setUnpublishedVersionCount(1)
  }, [hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount])
  return <PublishButton {...props} />
}
