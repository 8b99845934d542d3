import type { CsvRowError } from '@meridian/market-data';
import { InvalidInputException } from '@meridian/service-kit';

/**
 * A CSV refused at its first bad line: 400 in the API's error format, the line in `message`
 * ("line 57: High 101.2 is below Low 103.5") and in `details` ([{field: 'line 57', rules: {highBelowLow: …}}]).
 */
export class CsvRowRejectedException extends InvalidInputException {
  constructor(readonly rowError: CsvRowError) {
    super([{ field: `line ${rowError.line}`, rules: { [rowError.rule]: rowError.problem } }]);
  }

  override getResponse(): { message: string; details: InvalidInputException['fields'] } {
    return { message: `${this.rowError.message} (the file was refused; nothing of it was stored)`, details: this.fields };
  }
}
