import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import {
  RULE_ACTION_TYPES,
  RULE_CONDITION_TYPES,
  RULE_LIMITS,
  RULE_MODES,
  type ReorderRulesRequest,
  type RuleAction,
  type RuleCondition,
  type RuleInput,
  type RuleMode,
} from '@resonance/contracts';

/**
 * A rule as an admin saves it. The shapes of conditions and actions (unions) are checked by the
 * contract's validateRule in the service, which says which one is wrong and why (RuleProblem).
 */
export class RuleBody implements RuleInput {
  @ApiProperty({ maxLength: RULE_LIMITS.name }) @IsString() @MaxLength(RULE_LIMITS.name) name!: string;
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ enum: RULE_MODES, description: 'suggest: the inbox offers the actions; auto: the worker takes them' }) @IsIn(RULE_MODES) mode!: RuleMode;
  @ApiProperty({ description: 'a match ends the evaluation of later rules for that message' }) @IsBoolean() stopAfter!: boolean;
  @ApiProperty({ type: [Object], description: `all must hold; each has a type of ${RULE_CONDITION_TYPES.join(', ')} (docs/rules.md)` })
  @IsArray()
  @ArrayMaxSize(RULE_LIMITS.conditions)
  conditions!: RuleCondition[];
  @ApiProperty({ type: [Object], description: `in order; each has a type of ${RULE_ACTION_TYPES.join(', ')} (docs/rules.md)` })
  @IsArray()
  @ArrayMaxSize(RULE_LIMITS.actions)
  actions!: RuleAction[];
}

export class ReorderRulesBody implements ReorderRulesRequest {
  @ApiProperty({ type: [String], description: 'every rule id of the workspace, in the new order' })
  @IsArray()
  @ArrayMaxSize(RULE_LIMITS.rules)
  @Matches(/^[1-9]\d{0,18}$/, { each: true, message: 'ids are rule ids' })
  ids!: string[];
}
