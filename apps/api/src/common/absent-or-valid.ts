import { ValidateIf } from 'class-validator';

/**
 * For PATCH fields whose column cannot hold null: the field may be left out, but when it is given
 * the validators that follow check it — null included, which IsOptional() would let through to a
 * NOT NULL column as a 500 (found by the DTO fuzz test). Use IsOptional() only where null means
 * something (assigneeId: null unassigns).
 */
export const AbsentOrValid = (): PropertyDecorator => ValidateIf((_: unknown, value: unknown) => value !== undefined);
