// A player in a teacher's assignment, as the moderation list shows them.
export interface RosterEntry {
  playerId: string;
  nickname: string;
  attempts: number;
  hidden: boolean;
  removed: boolean;
}
