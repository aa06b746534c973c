import { ApiProperty } from '@nestjs/swagger';
import { NETWORKS, type ContactHistory, type Network } from '@resonance/contracts';
import { ThreadItemView } from '../threads/threads.dto';

/** OpenAPI's description of the contract's ContactHistory. */
export class ContactSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NETWORKS }) network!: Network;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the profile on the network, where it has a public address' })
  profileUrl!: string | null;
}

export class ContactHistoryView implements ContactHistory {
  @ApiProperty({ type: ContactSummaryView }) contact!: ContactSummaryView;
  @ApiProperty({ type: [ThreadItemView] }) threads!: ThreadItemView[];
}
