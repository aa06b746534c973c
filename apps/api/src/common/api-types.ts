import { ApiProperty } from '@nestjs/swagger';
import type { ApiErrorBody } from '@resonance/contracts';

/** The JSON body of every 4xx answer (NestJS's shape). */
export class ErrorBody implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['text must be shorter than or equal to 8000 characters'],
  })
  message!: string | string[];
  @ApiProperty({ example: 'Bad Request' }) error!: string;
}
