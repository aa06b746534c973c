import { unixSeconds } from './fields';
import type { FbVideoFlow } from './post-types';

/**
 * A reel's or video story's `status`, as the Reels Publishing API documents it: video_status
 * (uploading, upload_complete, ready) with the phases uploading_phase {status, bytes_transferred},
 * processing_phase and publishing_phase {status, publish_status, publish_time}. The sim processes a
 * video at once: processing completes with the finish phase.
 */
/** `live`: its post is published (a scheduled reel's time has come). */
export function flowStatus(flow: FbVideoFlow, scheduledAt: number | undefined, live: boolean): Record<string, unknown> {
  const complete = flow.fileUrl !== undefined || (flow.size !== undefined && flow.received >= flow.size);
  const uploading = { status: complete ? 'complete' : flow.received > 0 ? 'in_progress' : 'not_started', bytes_transferred: flow.received };
  if (flow.state === undefined) {
    return {
      video_status: complete ? 'upload_complete' : 'uploading',
      uploading_phase: uploading,
      processing_phase: { status: 'not_started' },
      publishing_phase: { status: 'not_started' },
    };
  }
  const publishStatus = live ? 'published' : flow.state === 'SCHEDULED' ? 'scheduled' : 'draft';
  const publishTime = flow.state === 'SCHEDULED' ? scheduledAt : live ? flow.finishedAt : undefined;
  return {
    video_status: 'ready',
    uploading_phase: uploading,
    processing_phase: { status: 'complete' },
    publishing_phase: {
      status: live ? 'complete' : 'not_started',
      publish_status: publishStatus,
      ...(publishTime !== undefined ? { publish_time: unixSeconds(publishTime) } : {}),
    },
  };
}
