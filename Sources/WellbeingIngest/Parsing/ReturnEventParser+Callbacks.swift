import CLibXML2

/// The C entry points libxml2 calls; each finds its parser from the user-data pointer.
extension ReturnEventParser {
    private static func from(_ pointer: UnsafeMutableRawPointer?) -> ReturnEventParser {
        Unmanaged<ReturnEventParser>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// The SAX handler: elements, text, and the DOCTYPE and entity events that are refused.
    static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, name, _, _, _, _, attributeCount, _, attributes in
            ReturnEventParser.from(user).startElement(
                name!, attributes: AttributeList(pointers: attributes, count: Int(attributeCount)))
        }
        handler.endElementNs = { user, _, _, _ in
            ReturnEventParser.from(user).endElement()
        }
        handler.characters = { user, bytes, count in
            ReturnEventParser.from(user).text(bytes!, count: Int(count))
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { user, _, _, _ in
            ReturnEventParser.from(user).rejectDoctype()
        }
        handler.getEntity = { user, name in
            ReturnEventParser.from(user).rejectEntity(name)
            return nil
        }
        handler.getParameterEntity = handler.getEntity
        handler.reference = { user, name in
            ReturnEventParser.from(user).rejectEntity(name)
        }
        return handler
    }

    static let structuredMessage: xmlStructuredErrorFunc = { user, error in
        guard let error else { return }
        ReturnEventParser.from(user).receive(LibXML2Message(error))
    }

    static let genericMessage: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { user, text in
        guard let text else { return }
        ReturnEventParser.from(user).receive(LibXML2Message(genericText: String(cString: text)))
    }

    /// libxml2 pulls input through this; the context is the parser's ``InputPump``.
    static let readInput: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return -1 }
        let pump = Unmanaged<InputPump>.fromOpaque(context).takeUnretainedValue()
        return Int32(pump.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
    }
}
