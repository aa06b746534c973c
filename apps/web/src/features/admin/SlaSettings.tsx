import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { NETWORKS, type HolidayWire, type Network, type SlaSettings, type SlaTargetWire } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { useSla, useUpdateSla } from './sla-settings';

/** Monday first, as the week is read in Germany; 0 = Sunday as the API counts. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
const PRIORITIES = [0, 1, 2, 3] as const;

type Draft = Omit<SlaSettings, 'timezone'>;

/** The SLA part of "Team & settings": targets, weekly business hours and holidays, saved together. */
export function SlaSettingsPanel() {
  const sla = useSla();
  if (sla.isPending) return <LoadingState />;
  if (sla.isError) return <ErrorState error={sla.error} onRetry={() => void sla.refetch()} path="/api/sla" />;
  // Keyed by the saved state: after a save the form starts again from what the server holds.
  return <SlaForm key={JSON.stringify(sla.data)} saved={sla.data} />;
}

function SlaForm({ saved }: { saved: SlaSettings }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const update = useUpdateSla();
  const [draft, setDraft] = useState<Draft>({
    defaultMinutes: saved.defaultMinutes,
    businessHoursOnly: saved.businessHoursOnly,
    targets: saved.targets,
    businessHours: saved.businessHours,
    holidays: saved.holidays,
  });
  const dayName = (d: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + d)));
  const setTarget = (i: number, next: Partial<SlaTargetWire>) =>
    setDraft({ ...draft, targets: draft.targets.map((x, j) => (j === i ? { ...x, ...next } : x)) });
  const spansOf = (d: number) => draft.businessHours[String(d)] ?? [];
  const setSpans = (d: number, spans: Array<[string, string]>) => setDraft({ ...draft, businessHours: { ...draft.businessHours, [String(d)]: spans } });
  const setHoliday = (i: number, next: Partial<HolidayWire>) =>
    setDraft({ ...draft, holidays: draft.holidays.map((h, j) => (j === i ? { ...h, ...next } : h)) });
  const minutes = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);

  return (
    <Stack
      component="form"
      gap="lg"
      maw={760}
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(draft, { onSuccess: () => notify(t('sla.saved')) });
      }}
      data-testid="sla-form"
    >
      <Card withBorder>
        <Title order={2} size="h5">
          {t('sla.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('sla.intro')}
        </Text>
        <Stack gap="sm">
          <NumberInput
            w={220}
            label={t('sla.default')}
            min={1}
            max={525600}
            allowDecimal={false}
            value={draft.defaultMinutes}
            onChange={(v) => setDraft({ ...draft, defaultMinutes: minutes(v) })}
            data-testid="sla-default"
          />
          <Switch
            label={t('sla.businessHoursOnly')}
            description={t('sla.businessHoursOnlyHint')}
            checked={draft.businessHoursOnly}
            onChange={(e) => setDraft({ ...draft, businessHoursOnly: e.currentTarget.checked })}
            data-testid="sla-business-only"
          />
          <Text fw={600} size="sm" mt="xs">
            {t('sla.overrides')}
          </Text>
          <Text size="xs" c="gray.7">
            {t('sla.precedence')}
          </Text>
          {draft.targets.length === 0 && (
            <Text size="sm" c="gray.7">
              {t('sla.noOverrides')}
            </Text>
          )}
          {draft.targets.map((target, i) => (
            <Group key={i} gap="xs" align="flex-end" data-testid="sla-target">
              <Select
                w={160}
                label={t('sla.network')}
                data={[{ value: '', label: t('sla.anyNetwork') }, ...NETWORKS.map((n) => ({ value: n, label: t(`network.${n}`) }))]}
                value={target.network ?? ''}
                onChange={(v) => setTarget(i, { network: NETWORKS.find((n): n is Network => n === v) ?? null })}
                allowDeselect={false}
              />
              <Select
                w={150}
                label={t('sla.priority')}
                data={[{ value: '', label: t('sla.anyPriority') }, ...PRIORITIES.map((p) => ({ value: String(p), label: t(`priority.${p}`) }))]}
                value={target.priority === null ? '' : String(target.priority)}
                onChange={(v) => setTarget(i, { priority: v ? Number(v) : null })}
                allowDeselect={false}
              />
              <NumberInput
                w={110}
                label={t('sla.minutes')}
                min={1}
                max={525600}
                allowDecimal={false}
                value={target.minutes}
                onChange={(v) => setTarget(i, { minutes: minutes(v) })}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                size="lg"
                aria-label={t('sla.removeTarget')}
                onClick={() => setDraft({ ...draft, targets: draft.targets.filter((_, j) => j !== i) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => setDraft({ ...draft, targets: [...draft.targets, { network: null, priority: 3, minutes: 15 }] })}
            data-testid="sla-add-target"
          >
            {t('sla.addTarget')}
          </Button>
        </Stack>
      </Card>

      <Card withBorder>
        <Title order={2} size="h5">
          {t('hours.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('hours.intro', { zone: saved.timezone })}
        </Text>
        <Table>
          <Table.Tbody>
            {WEEKDAYS.map((d) => (
              <Table.Tr key={d} data-testid={`hours-day-${d}`}>
                <Table.Th scope="row" style={{ verticalAlign: 'top', paddingTop: 14, width: 120 }}>
                  {dayName(d)}
                </Table.Th>
                <Table.Td>
                  <Stack gap={6}>
                    {spansOf(d).length === 0 && (
                      <Text size="sm" c="gray.7">
                        {t('hours.closed')}
                      </Text>
                    )}
                    {spansOf(d).map(([from, to], i) => (
                      <Group key={i} gap={6} wrap="wrap">
                        <TextInput
                          type="time"
                          w={120}
                          aria-label={`${dayName(d)} ${t('hours.from')}`}
                          value={from}
                          onChange={(e) =>
                            setSpans(
                              d,
                              spansOf(d).map((s, j): [string, string] => (j === i ? [e.currentTarget.value, s[1]] : s)),
                            )
                          }
                        />
                        <Text size="sm">–</Text>
                        <TextInput
                          type="time"
                          w={120}
                          aria-label={`${dayName(d)} ${t('hours.to')}`}
                          value={to === '24:00' ? '23:59' : to}
                          onChange={(e) =>
                            setSpans(
                              d,
                              spansOf(d).map((s, j): [string, string] => (j === i ? [s[0], e.currentTarget.value] : s)),
                            )
                          }
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          size="lg"
                          aria-label={`${dayName(d)}: ${t('hours.removeSpan')}`}
                          onClick={() =>
                            setSpans(
                              d,
                              spansOf(d).filter((_, j) => j !== i),
                            )
                          }
                        >
                          ×
                        </ActionIcon>
                      </Group>
                    ))}
                    {spansOf(d).length < 4 && (
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        w="fit-content"
                        aria-label={`${dayName(d)}: ${t('hours.addSpan')}`}
                        onClick={() => setSpans(d, [...spansOf(d), spansOf(d).length ? ['13:00', '17:00'] : ['09:00', '17:00']])}
                      >
                        {t('hours.addSpan')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Title order={2} size="h5">
          {t('holidays.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('holidays.intro')}
        </Text>
        <Stack gap={6}>
          {draft.holidays.length === 0 && (
            <Text size="sm" c="gray.7">
              {t('holidays.none')}
            </Text>
          )}
          {draft.holidays.map((h, i) => (
            <Group key={i} gap={6} align="flex-end" data-testid="holiday">
              <TextInput type="date" w={170} label={t('holidays.date')} value={h.date} onChange={(e) => setHoliday(i, { date: e.currentTarget.value })} />
              <TextInput w={220} label={t('holidays.name')} value={h.name} onChange={(e) => setHoliday(i, { name: e.currentTarget.value })} />
              <ActionIcon
                variant="subtle"
                color="red.8"
                size="lg"
                aria-label={t('holidays.remove')}
                onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((_, j) => j !== i) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => setDraft({ ...draft, holidays: [...draft.holidays, { date: '', name: '' }] })}
            data-testid="holiday-add"
          >
            {t('holidays.add')}
          </Button>
        </Stack>
      </Card>

      {update.isError && (
        <Alert color="red" role="alert" data-testid="sla-error">
          {errorText(update.error)}
        </Alert>
      )}
      <Button type="submit" loading={update.isPending} w="fit-content" data-testid="sla-save">
        {t('sla.save')}
      </Button>
    </Stack>
  );
}
