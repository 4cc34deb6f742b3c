/** An organisation from ODS: the owning trust's name and its switchboard (not the team line). */
export interface Organisation {
  readonly odsCode: string;
  readonly name: string;
  /** As written by ODS, e.g. "0113 243 3144"; undefined when ODS holds none. */
  readonly switchboard: string | undefined;
}

/** An ODS organisation code as ODS issues them: 3 to 12 letters and digits, e.g. `RX4`, `Y05868`. */
const ODS_CODE = /^[A-Z0-9]{3,12}$/i;

export function isOdsCode(value: string): boolean {
  return ODS_CODE.test(value);
}
