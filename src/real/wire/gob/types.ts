/**
 * Type definitions on a gob stream (encoding/gob doc.go). A definition is a message whose type id
 * is negative, -id, followed by a wireType value: a struct whose field 2 (StructT) holds a
 * structType { CommonType { Name string; Id int }; Field []fieldType { Name string; Id int } }.
 * Only a struct whose fields all have predefined basic types is taken; arrays, slices, maps,
 * GobEncoder types and fields of defined or interface types are refused. Which fields are the chat
 * Message's (Text string, UniqueID int; matched by name, as Go does) is worked out here once.
 */
import { GobError, quote } from './errors.ts';
import type { GobReader } from './varint.ts';

/** Predefined type ids (doc.go). */
export const T_BOOL = 1;
export const T_INT = 2;
export const T_UINT = 3;
export const T_FLOAT = 4;
export const T_BYTES = 5;
export const T_STRING = 6;
export const T_COMPLEX = 7;
/** Ids below this are predefined; a stream's own types start above it (Go's first is 65). */
export const FIRST_USER_ID = 64;
/** Largest type id: Go's typeId is an int32. */
export const MAX_TYPE_ID = 2 ** 31 - 1;
/** Most fields a struct definition may list. */
export const MAX_FIELDS = 64;
/** Longest type or field name, in bytes. */
export const MAX_NAME_BYTES = 256;

const BASIC = new Map([
  [T_BOOL, 'bool'],
  [T_INT, 'int'],
  [T_UINT, 'uint'],
  [T_FLOAT, 'float'],
  [T_BYTES, '[]byte'],
  [T_STRING, 'string'],
  [T_COMPLEX, 'complex'],
]);
const WIRE_KINDS = ['an array', 'a slice', 'a struct', 'a map', 'a GobEncoder', 'a BinaryMarshaler', 'a TextMarshaler'];

/** A struct type as defined on the stream, with where the Message's fields are. */
export interface StructDef {
  readonly id: number;
  readonly name: string;
  /** Each field's predefined type id, by field number. */
  readonly fieldTypes: readonly number[];
  /** Field number of Text (a string), or -1 when the struct has none. */
  readonly textField: number;
  /** Field number of UniqueID (an int), or -1 when the struct has none. */
  readonly idField: number;
  /** Why a value of this type cannot be a Message, or undefined when it can. */
  readonly notMessage: string | undefined;
}

/**
 * Reads fields of a struct value: unsigned deltas from field -1, ended by delta 0. `onField` reads
 * the value of each field it is given.
 */
export function readStruct(r: GobReader, fieldCount: number, what: string, onField: (field: number) => void): void {
  let field = -1;
  for (;;) {
    const delta = r.small(fieldCount, `${what} field delta`);
    if (delta === 0) return;
    field += delta;
    if (field >= fieldCount) throw new GobError('ERR_GOB_MALFORMED', `${what} field ${field} is out of range (it has ${fieldCount})`);
    onField(field);
  }
}

/** Reads the wireType value of a definition of type `id` (the id is already read). */
export function readDefinition(r: GobReader, id: number): StructDef {
  let def: StructDef | undefined;
  readStruct(r, WIRE_KINDS.length, 'wireType', (kind) => {
    if (kind !== 2) throw new GobError('ERR_GOB_UNSUPPORTED_TYPE', `type ${id} is ${WIRE_KINDS[kind]}; only a struct of basic fields is taken`);
    def = readStructType(r, id);
  });
  if (def === undefined) throw new GobError('ERR_GOB_MALFORMED', `type ${id} is defined with an empty wireType`);
  return def;
}

function readStructType(r: GobReader, id: number): StructDef {
  let name = '';
  const fields: Array<{ name: string; type: number }> = [];
  readStruct(r, 2, 'structType', (f) => {
    if (f === 0) {
      readStruct(r, 2, 'CommonType', (c) => {
        if (c === 0) name = r.string('type name', MAX_NAME_BYTES);
        else r.int(); // the id again; Go repeats it inside the type
      });
      return;
    }
    const count = r.small(r.remaining, 'field count');
    if (count > MAX_FIELDS) throw new GobError('ERR_GOB_UNSUPPORTED_TYPE', `type ${id} ${quote(name)} has ${count} fields; at most ${MAX_FIELDS} are taken`);
    for (let k = 0; k < count; k++) {
      const field = { name: '', type: 0 };
      readStruct(r, 2, 'fieldType', (g) => {
        if (g === 0) field.name = r.string('field name', MAX_NAME_BYTES);
        else {
          const t = r.int();
          field.type = t >= 0n && t <= BigInt(MAX_TYPE_ID) ? Number(t) : -1;
        }
      });
      fields.push(field);
    }
  });
  return checkFields(id, name, fields);
}

function checkFields(id: number, name: string, fields: ReadonlyArray<{ name: string; type: number }>): StructDef {
  for (const f of fields) {
    if (!BASIC.has(f.type)) {
      const kind = f.type === 8 ? 'an interface' : f.type >= FIRST_USER_ID ? `type ${f.type}, a defined type` : `type ${f.type}`;
      throw new GobError('ERR_GOB_UNSUPPORTED_TYPE', `type ${id} ${quote(name)}: field ${quote(f.name)} is ${kind}; only basic fields are taken`);
    }
  }
  const textField = fields.findIndex((f) => f.name === 'Text');
  const idField = fields.findIndex((f) => f.name === 'UniqueID');
  let notMessage: string | undefined;
  if (textField >= 0 && fields[textField]!.type !== T_STRING) notMessage = `its Text is a ${BASIC.get(fields[textField]!.type)}, not a string`;
  else if (idField >= 0 && fields[idField]!.type !== T_INT) notMessage = `its UniqueID is a ${BASIC.get(fields[idField]!.type)}, not an int`;
  else if (textField < 0 && idField < 0) notMessage = 'it has neither Text nor UniqueID';
  return { id, name, fieldTypes: fields.map((f) => f.type), textField, idField, notMessage };
}
