package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import org.pointlearn.dicom.api.CodedConcept;

/** Small builders for the attributes and sequences of objects we write (DICOM SEG). */
final class DicomItems {

    private DicomItems() {
    }

    /** Puts an attribute with the dictionary's VR and the given values (none: present but empty). */
    static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        for (String v : values) {
            a.addValue(v);
        }
    }

    /** Copies an attribute from another list; puts it empty when the other list lacks it. */
    static void copy(AttributeList to, AttributeList from, AttributeTag tag) throws DicomException {
        Attribute a = from.get(tag);
        if (a != null) {
            to.put(a);
        } else {
            put(to, tag);
        }
    }

    /** Puts a sequence of the given items. */
    static void sequence(AttributeList list, AttributeTag tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            s.addItem(item);
        }
        list.put(s);
    }

    /** A one-item code sequence. */
    static void code(AttributeList list, AttributeTag tag, CodedConcept concept) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.CodeValue, concept.value());
        put(item, TagFromName.CodingSchemeDesignator, concept.scheme());
        put(item, TagFromName.CodeMeaning, concept.meaning());
        sequence(list, tag, item);
    }

    /** An item referencing an instance by its SOP class and instance UIDs. */
    static AttributeList reference(String sopClassUid, String sopInstanceUid) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.ReferencedSOPClassUID, sopClassUid);
        put(item, TagFromName.ReferencedSOPInstanceUID, sopInstanceUid);
        return item;
    }

    /** The single string value of an attribute, trimmed, or empty. */
    static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }
}
