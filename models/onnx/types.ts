/**
 * The subset of onnx.proto (onnx/onnx, onnx/onnx.proto, IR version 8) that the
 * generator writes. Field names are snake_case so the objects can be handed to
 * protobufjs as they are; see schema.ts for the field numbers.
 */

/** TensorProto.DataType values from onnx.proto. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values from onnx.proto. */
export const AttributeType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
} as const;
export type AttributeType = (typeof AttributeType)[keyof typeof AttributeType];

export interface TensorProto {
  name: string;
  dims: number[];
  data_type: DataType;
  /** Little-endian element bytes; the only data field we write. */
  raw_data: Uint8Array;
  /** Set when the bytes live in another file: keys location, offset, length (onnx.proto). */
  external_data?: StringStringEntryProto[];
  /** 1 = EXTERNAL. */
  data_location?: number;
}

export interface AttributeProto {
  name: string;
  type: AttributeType;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  floats?: number[];
  ints?: number[];
}

export interface NodeProto {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  domain?: string;
  attribute: AttributeProto[];
}

export interface Dimension {
  dim_value?: number;
  dim_param?: string;
}

export interface ValueInfoProto {
  name: string;
  type: { tensor_type: { elem_type: DataType; shape: { dim: Dimension[] } } };
}

export interface GraphProto {
  name: string;
  node: NodeProto[];
  initializer: TensorProto[];
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  doc_string?: string;
}

export interface OperatorSetIdProto {
  domain: string;
  version: number;
}

export interface StringStringEntryProto {
  key: string;
  value: string;
}

export interface ModelProto {
  ir_version: number;
  opset_import: OperatorSetIdProto[];
  producer_name: string;
  producer_version: string;
  doc_string?: string;
  graph: GraphProto;
  metadata_props: StringStringEntryProto[];
}
