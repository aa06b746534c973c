import { pacificDay } from '@resonance/contracts';
import { json, type SimResponse } from '../../core/http';
import { google } from './errors';
import type { YtUploadOutcome, YtVideo } from './store';

/**
 * What YouTube does with an upload beyond taking the bytes, which the sim's control API sets
 * (POST /_sim/youtube/uploads): the channel's daily upload limit (videos.insert answers 400
 * uploadLimitExceeded once the channel uploaded that many videos on the Pacific day), and how an
 * upload ends when not well, for one uploaded video (videoId) or the next upload: status.uploadStatus
 * failed (failureReason) or rejected (rejectionReason), processingDetails.processingStatus failed or
 * terminated (processingFailureReason). The reasons are YouTube's documented values.
 */
const FAILURE = ['codec', 'conversion', 'emptyFile', 'invalidFile', 'tooSmall', 'uploadAborted'];
const REJECTION = [
  'claim',
  'copyright',
  'duplicate',
  'inappropriate',
  'legal',
  'length',
  'termsOfUse',
  'trademark',
  'uploaderAccountClosed',
  'uploaderAccountSuspended',
];
const PROCESSING_FAILURE = ['other', 'streamingFailed', 'transcodeFailed', 'uploadFailed'];

export class UploadOutcomes {
  /** Uploads a channel may make per Pacific day; null: no limit (the sim's default). */
  dailyLimit: number | null = null;
  /** The outcome the next videos.insert gets (then cleared). */
  next: YtUploadOutcome | null = null;
  private today = { day: '', count: 0 };

  uploadedToday(now: number): number {
    return this.today.day === pacificDay(now) ? this.today.count : 0;
  }

  /** videos.insert's check before it takes an upload: the documented 400 once the day's limit is reached. */
  limitReached(now: number): SimResponse | undefined {
    if (this.dailyLimit === null || this.uploadedToday(now) < this.dailyLimit) return undefined;
    return google(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', { domain: 'youtube.video' });
  }

  /** A finished upload: counted for the day, and given the outcome set for it. */
  uploaded(video: YtVideo, now: number): void {
    this.today = { day: pacificDay(now), count: this.uploadedToday(now) + 1 };
    if (this.next) video.outcome = this.next;
    this.next = null;
  }

  /** /_sim/youtube/uploads: GET the settings; POST {dailyLimit} and/or an outcome for {videoId} or the next upload. */
  control(method: string, input: Record<string, unknown>, now: number, video: (id: string) => YtVideo | undefined): SimResponse {
    if (method === 'POST') {
      if (input.dailyLimit !== undefined) {
        const n = input.dailyLimit === null ? null : Number(input.dailyLimit);
        if (n !== null && !(Number.isInteger(n) && n >= 0)) return json(400, { error: { message: 'dailyLimit must be an integer ≥ 0 or null' } });
        this.dailyLimit = n;
      }
      const outcome = readOutcome(input);
      if ('error' in outcome) return json(400, { error: { message: outcome.error } });
      if (outcome.ok) {
        if (typeof input.videoId === 'string') {
          const v = video(input.videoId);
          if (!v?.file) return json(404, { error: { message: 'no such uploaded video' } });
          v.outcome = outcome.ok;
        } else this.next = outcome.ok;
      }
    }
    return json(200, { dailyLimit: this.dailyLimit, uploadedToday: this.uploadedToday(now), next: this.next });
  }
}

function readOutcome(input: Record<string, unknown>): { ok: YtUploadOutcome | null } | { error: string } {
  const { uploadStatus, failureReason, rejectionReason, processingStatus, processingFailureReason } = input;
  if ([uploadStatus, processingStatus].every((x) => x === undefined)) return { ok: null };
  const out: YtUploadOutcome = {};
  if (uploadStatus === 'failed') {
    if (!FAILURE.includes(failureReason as string)) return { error: `failureReason must be one of ${FAILURE.join(', ')}` };
    Object.assign(out, { uploadStatus, failureReason });
  } else if (uploadStatus === 'rejected') {
    if (!REJECTION.includes(rejectionReason as string)) return { error: `rejectionReason must be one of ${REJECTION.join(', ')}` };
    Object.assign(out, { uploadStatus, rejectionReason });
  } else if (uploadStatus !== undefined) return { error: 'uploadStatus must be failed or rejected' };
  if (processingStatus === 'failed' || processingStatus === 'terminated') {
    if (processingFailureReason !== undefined && !PROCESSING_FAILURE.includes(processingFailureReason as string))
      return { error: `processingFailureReason must be one of ${PROCESSING_FAILURE.join(', ')}` };
    Object.assign(out, { processingStatus, ...(processingFailureReason !== undefined ? { processingFailureReason } : {}) });
  } else if (processingStatus !== undefined) return { error: 'processingStatus must be failed or terminated' };
  return { ok: out };
}
