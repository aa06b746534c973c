import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const BIGINT_ID = /^[1-9][0-9]{0,17}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isBigintId = (value: unknown): value is string => typeof value === 'string' && BIGINT_ID.test(value);
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Path ids of threads, messages and notes are positive bigints, sent as strings. */
@Injectable()
export class BigintIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isBigintId(value)) throw new BadRequestException(`id must be a positive integer, got "${String(value).slice(0, 40)}"`);
    return value;
  }
}

/** Path ids of users, channels and canned responses are uuids. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new BadRequestException(`id must be a uuid, got "${String(value).slice(0, 40)}"`);
    return value;
  }
}
