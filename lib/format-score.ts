// One way to write a score everywhere a player sees one: 1,320 (the podium, the table, the ticker).
export function formatScore(points: number): string {
  return points.toLocaleString("en-GB");
}
