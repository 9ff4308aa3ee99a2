import CLibXML2

/// The C entry points libxml2 calls; each finds its parser from the user-data pointer.
extension ReturnEventParser {
    /// The parse behind libxml2's user-data pointer.
    private static func from(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ReturnEventParser> {
        pointer!.assumingMemoryBound(to: ReturnEventParser.self)
    }

    /// The SAX handler: elements, text, and the DOCTYPE and entity events that are refused.
    static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, name, _, _, _, _, attributeCount, _, attributes in
            let list = AttributeList(pointers: attributes, count: Int(attributeCount))
            ReturnEventParser.from(user).pointee.handle { $0.startElement(name!, attributes: list, at: $1.position) }
        }
        handler.endElementNs = { user, _, _, _ in
            ReturnEventParser.from(user).pointee.handle { assembler, _ in assembler.endElement() }
        }
        handler.characters = { user, bytes, count in
            ReturnEventParser.from(user).pointee.handle { assembler, parser in
                assembler.text(bytes!, count: Int(count), position: { parser.position })
            }
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { user, _, _, _ in
            ReturnEventParser.from(user).pointee.handle { $0.rejectDoctype(at: $1.position) }
        }
        handler.getEntity = { user, name in
            ReturnEventParser.from(user).pointee.handle { $0.rejectEntity(name, at: $1.position) }
            return nil
        }
        handler.getParameterEntity = handler.getEntity
        handler.reference = { user, name in
            ReturnEventParser.from(user).pointee.handle { $0.rejectEntity(name, at: $1.position) }
        }
        return handler
    }

    static let structuredMessage: xmlStructuredErrorFunc = { user, error in
        guard let error else { return }
        let message = LibXML2Message(error)
        ReturnEventParser.from(user).pointee.handle { $0.receive(message, position: $1.position) }
    }

    static let genericMessage: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = {
        user, text in
        guard let text else { return }
        let message = LibXML2Message(genericText: String(cString: text))
        ReturnEventParser.from(user).pointee.handle { $0.receive(message, position: $1.position) }
    }

    /// libxml2 pulls input through this; the context is the parser's ``InputPump``.
    static let readInput: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return -1 }
        let pump = Unmanaged<InputPump>.fromOpaque(context).takeUnretainedValue()
        return Int32(pump.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    }
}
