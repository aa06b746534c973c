import { definePart } from '../part';

/**
 * Channel health on the channels page (features/channels/SyncHealth.tsx, sync-now.ts): next sync,
 * lag, pacing and its reason, budget reset, errors in words, "sync now" and its refusals; and the
 * API/LIVE badges' stalled states (features/health/HealthBadge.tsx, features/inbox/LiveBadge.tsx).
 */
export const health25 = definePart(
  {
    'channels.nextSync': 'Next sync',
    'channels.nextSyncDue': 'due now',
    'channels.nextSyncNone': 'none while the channel is not synced',
    'channels.lag': 'Lag (time since the last successful sync)',
    'channels.budgetResets': 'resets {time}',
    'channels.pacing.normal': 'Checked every {interval} (more often while new items arrive).',
    'channels.pacing.paced':
      'Slowed down: every {interval} instead of every {base}, because {percent} of the {network} budget is used. It speeds up again as the budget recovers.',
    'channels.pacing.pacedNoBudget': 'Slowed down: every {interval} instead of every {base}, to stay within the {network} budget.',
    'channels.pacing.paused': 'Paused until {time}: the {network} budget for this channel is spent. Syncing resumes by itself then.',
    'channels.pacing.backing_off':
      'The last {count} attempts failed, so {network} is tried less often: every {interval}. Syncing returns to normal after the next successful attempt.',
    'channels.syncError.RATE_LIMITED': '{network} asked us to slow down (rate limit).',
    'channels.syncError.QUOTA_EXCEEDED': 'The daily {network} quota is spent.',
    'channels.syncError.AUTH_EXPIRED': 'The sign-in with {network} has expired.',
    'channels.syncError.AUTH_REVOKED': 'The permission for {network} was taken back.',
    'channels.syncError.PERMISSION_DENIED': '{network} refused access to this account.',
    'channels.syncError.NOT_FOUND': '{network} no longer knows this account or one of its items.',
    'channels.syncError.INVALID_REQUEST': '{network} refused the request as invalid.',
    'channels.syncError.TRANSIENT': '{network} could not be reached or had a server error.',
    'channels.syncError.UNKNOWN': '{network} answered with an unknown error.',
    'channels.syncError.other': 'Syncing with {network} failed.',
    'channels.syncNow': 'Sync now',
    'channels.syncNowStarted': 'Syncing {name} now.',
    'channels.syncNowJoined': 'A sync of {name} is already under way.',
    'errors.SYNC_NOT_SYNCING': 'This channel is not synced while it is paused or needs reconnecting.',
    'errors.SYNC_BUDGET_PAUSED': 'Not now: the network budget for this channel is spent. The card says when syncing resumes.',
    'errors.SYNC_BUDGET_LOW':
      'Not now: the network budget for this channel is nearly spent, and a sync now would use up the rest. The card says when it resets.',
    'health.apiOk': 'API ok',
    'health.apiSlow': 'API slow',
    'health.apiDown': 'API ✕',
    'health.apiSlowHint': 'The API has not answered for {time}.',
    'inbox.liveStalled': 'Live: no signal',
    'inbox.liveStalledHint': 'No sign of life from the live updates for {time}; reconnecting if it stays silent.',
  },
  {
    'channels.nextSync': 'Nächste Synchronisierung',
    'channels.nextSyncDue': 'jetzt fällig',
    'channels.nextSyncNone': 'keine, solange der Kanal nicht synchronisiert wird',
    'channels.lag': 'Rückstand (seit der letzten erfolgreichen Synchronisierung)',
    'channels.budgetResets': 'wird {time} zurückgesetzt',
    'channels.pacing.normal': 'Abruf alle {interval} (öfter, solange Neues eintrifft).',
    'channels.pacing.paced':
      'Verlangsamt: alle {interval} statt alle {base}, weil {percent} des {network}-Kontingents verbraucht sind. Sobald es sich erholt, wird wieder öfter abgerufen.',
    'channels.pacing.pacedNoBudget': 'Verlangsamt: alle {interval} statt alle {base}, um im {network}-Kontingent zu bleiben.',
    'channels.pacing.paused': 'Pausiert bis {time}: das {network}-Kontingent dieses Kanals ist aufgebraucht. Danach geht es von selbst weiter.',
    'channels.pacing.backing_off':
      'Die letzten {count} Versuche sind fehlgeschlagen, daher wird {network} seltener versucht: alle {interval}. Nach dem nächsten erfolgreichen Abruf wieder normal.',
    'channels.syncError.RATE_LIMITED': '{network} hat um langsamere Abrufe gebeten (Ratenlimit).',
    'channels.syncError.QUOTA_EXCEEDED': 'Das Tageskontingent von {network} ist aufgebraucht.',
    'channels.syncError.AUTH_EXPIRED': 'Die Anmeldung bei {network} ist abgelaufen.',
    'channels.syncError.AUTH_REVOKED': 'Die Berechtigung für {network} wurde zurückgenommen.',
    'channels.syncError.PERMISSION_DENIED': '{network} verweigert den Zugriff auf dieses Konto.',
    'channels.syncError.NOT_FOUND': '{network} kennt dieses Konto oder einen seiner Beiträge nicht mehr.',
    'channels.syncError.INVALID_REQUEST': '{network} hat die Anfrage als ungültig abgelehnt.',
    'channels.syncError.TRANSIENT': '{network} war nicht erreichbar oder hatte einen Serverfehler.',
    'channels.syncError.UNKNOWN': '{network} hat mit einem unbekannten Fehler geantwortet.',
    'channels.syncError.other': 'Die Synchronisierung mit {network} ist fehlgeschlagen.',
    'channels.syncNow': 'Jetzt synchronisieren',
    'channels.syncNowStarted': '{name} wird jetzt synchronisiert.',
    'channels.syncNowJoined': '{name} wird bereits synchronisiert.',
    'errors.SYNC_NOT_SYNCING': 'Dieser Kanal wird nicht synchronisiert, solange er pausiert ist oder neu verbunden werden muss.',
    'errors.SYNC_BUDGET_PAUSED': 'Jetzt nicht: das Kontingent des Netzwerks für diesen Kanal ist aufgebraucht. Die Karte zeigt, wann es weitergeht.',
    'errors.SYNC_BUDGET_LOW':
      'Jetzt nicht: das Kontingent des Netzwerks für diesen Kanal ist fast aufgebraucht, ein Abruf jetzt würde den Rest verbrauchen. Die Karte zeigt, wann es zurückgesetzt wird.',
    'health.apiOk': 'API ok',
    'health.apiSlow': 'API langsam',
    'health.apiDown': 'API ✕',
    'health.apiSlowHint': 'Die API antwortet seit {time} nicht.',
    'inbox.liveStalled': 'Live: kein Signal',
    'inbox.liveStalledHint': 'Seit {time} kein Lebenszeichen der Live-Aktualisierung; sie verbindet neu, wenn es still bleibt.',
  },
);
