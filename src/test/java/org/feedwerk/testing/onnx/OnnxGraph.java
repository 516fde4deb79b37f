package org.feedwerk.testing.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.feedwerk.testing.onnx.OnnxSubset.AttributeProto;
import org.feedwerk.testing.onnx.OnnxSubset.GraphProto;
import org.feedwerk.testing.onnx.OnnxSubset.ModelProto;
import org.feedwerk.testing.onnx.OnnxSubset.NodeProto;
import org.feedwerk.testing.onnx.OnnxSubset.OperatorSetIdProto;
import org.feedwerk.testing.onnx.OnnxSubset.TensorProto;
import org.feedwerk.testing.onnx.OnnxSubset.TensorShapeProto;
import org.feedwerk.testing.onnx.OnnxSubset.TypeProto;
import org.feedwerk.testing.onnx.OnnxSubset.ValueInfoProto;

/**
 * Writes ONNX graphs by hand for test models: nodes whose outputs are named for them, initializers from Java
 * arrays (little-endian raw data), typed inputs and outputs with fixed or symbolic dimensions.
 */
public final class OnnxGraph {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int FLOAT16 = 10;

    private final GraphProto.Builder graph;
    private final String prefix;
    private int counter;

    /** {@code prefix} keeps the generated names of a subgraph apart from those of its parent. */
    public OnnxGraph(String name, String prefix) {
        this.graph = GraphProto.newBuilder().setName(name);
        this.prefix = prefix;
    }

    public GraphProto.Builder proto() {
        return graph;
    }

    /** Adds a node with one output and returns the output's generated name. */
    public String op(String type, List<String> inputs, AttributeProto... attributes) {
        String output = prefix + type.toLowerCase() + "_" + counter++;
        graph.addNode(node(type, inputs, List.of(output), attributes));
        return output;
    }

    /** Adds a node whose outputs are named by the caller. */
    public void op(String type, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(node(type, inputs, outputs, attributes));
    }

    public String floats(String name, float[] values, long... dimensions) {
        graph.addInitializer(floatTensor(name, values, dimensions));
        return name;
    }

    public String bytes(String name, int dataType, byte[] values, long... dimensions) {
        graph.addInitializer(tensor(name, dataType, values, dimensions));
        return name;
    }

    /** A one-dimensional int64 constant (shapes, axes, indices). */
    public String longs(long... values) {
        String name = prefix + "const_" + counter++;
        graph.addInitializer(longTensor(name, values, values.length));
        return name;
    }

    /** An int64 scalar constant. */
    public String scalar(long value) {
        String name = prefix + "scalar_" + counter++;
        graph.addInitializer(longTensor(name, new long[] {value}));
        return name;
    }

    public String scalar(float value) {
        String name = prefix + "scalar_" + counter++;
        graph.addInitializer(floatTensor(name, new float[] {value}));
        return name;
    }

    public void input(String name, int elementType, Object... dimensions) {
        graph.addInput(value(name, elementType, dimensions));
    }

    public void output(String name, int elementType, Object... dimensions) {
        graph.addOutput(value(name, elementType, dimensions));
    }

    public static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("feedwerk-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build();
    }

    public static NodeProto node(String op, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        return NodeProto.newBuilder()
                .setOpType(op)
                .setName(op + "_" + outputs.get(0))
                .addAllInput(inputs)
                .addAllOutput(outputs)
                .addAllAttribute(List.of(attributes))
                .build();
    }

    public static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    public static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder attribute =
                AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    public static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    public static AttributeProto graphAttribute(String name, GraphProto value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.GRAPH)
                .setG(value)
                .build();
    }

    /** A tensor value; each dimension is a size (Integer) or a symbolic name (String); none given: rank unknown. */
    public static ValueInfoProto value(String name, int elementType, Object... dimensions) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(elementType);
        if (dimensions.length > 0) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Object dimension : dimensions) {
                shape.addDim(
                        dimension instanceof Integer size
                                ? TensorShapeProto.Dimension.newBuilder().setDimValue(size)
                                : TensorShapeProto.Dimension.newBuilder().setDimParam((String) dimension));
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    public static TensorProto floatTensor(String name, float[] values, long... dimensions) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return tensor(name, FLOAT, bytes.array(), dimensions);
    }

    public static TensorProto longTensor(String name, long[] values, long... dimensions) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return tensor(name, INT64, bytes.array(), dimensions);
    }

    /** An initializer with little-endian raw data; no dimensions make a scalar. */
    public static TensorProto tensor(String name, int dataType, byte[] raw, long... dimensions) {
        List<Long> dims = new ArrayList<>();
        for (long dimension : dimensions) {
            dims.add(dimension);
        }
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(dataType)
                .addAllDims(dims)
                .setRawData(ByteString.copyFrom(raw))
                .build();
    }
}
