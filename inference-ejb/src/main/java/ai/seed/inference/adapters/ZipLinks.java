package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_INVALID;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds symbolic-link entries in a zip. java.util.zip does not expose an entry's Unix mode: it
 * lives only in the central directory's "external attributes", so this reads that directory
 * (with its ZIP64 form). A link is an entry made on a Unix host (3) or macOS (19) whose mode has
 * the file type 0120000. Seed never creates links from an upload anyway; refusing them tells the
 * operator to zip the real files.
 */
final class ZipLinks {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final long MAX_DIRECTORY_BYTES = 64L * 1024 * 1024;

    private ZipLinks() {
    }

    static List<String> symlinks(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, EOCD_SIZE + 0xffff);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = lastEocd(tail);
            long directorySize = tail.getInt(eocd + 12) & 0xffffffffL;
            long directoryOffset = tail.getInt(eocd + 16) & 0xffffffffL;
            if (directorySize == 0xffffffffL || directoryOffset == 0xffffffffL || (tail.getShort(eocd + 10) & 0xffff) == 0xffff) {
                ByteBuffer zip64 = zip64Record(channel, size - tailLength + eocd);
                directorySize = zip64.getLong(40);
                directoryOffset = zip64.getLong(48);
            }
            if (directorySize < 0 || directorySize > MAX_DIRECTORY_BYTES || directoryOffset < 0
                    || directoryOffset + directorySize > size) {
                throw invalid("its central directory lies outside the file");
            }
            return links(read(channel, directoryOffset, (int) directorySize));
        }
    }

    private static int lastEocd(ByteBuffer tail) {
        for (int i = tail.limit() - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIGNATURE) {
                return i;
            }
        }
        throw invalid("it has no end-of-central-directory record");
    }

    private static ByteBuffer zip64Record(FileChannel channel, long eocdPosition) throws IOException {
        if (eocdPosition < 20) {
            throw invalid("its ZIP64 locator is missing");
        }
        ByteBuffer locator = read(channel, eocdPosition - 20, 20);
        long recordPosition = locator.getLong(8);
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE || recordPosition < 0 || recordPosition + 56 > channel.size()) {
            throw invalid("its ZIP64 locator is broken");
        }
        ByteBuffer record = read(channel, recordPosition, 56);
        if (record.getInt(0) != ZIP64_EOCD_SIGNATURE) {
            throw invalid("its ZIP64 end record is broken");
        }
        return record;
    }

    private static List<String> links(ByteBuffer directory) {
        List<String> links = new ArrayList<>();
        int p = 0;
        while (p + 46 <= directory.limit()) {
            if (directory.getInt(p) != CENTRAL_SIGNATURE) {
                throw invalid("its central directory is broken at byte " + p);
            }
            int host = (directory.getShort(p + 4) & 0xffff) >>> 8;
            int nameLength = directory.getShort(p + 28) & 0xffff;
            int extraLength = directory.getShort(p + 30) & 0xffff;
            int commentLength = directory.getShort(p + 32) & 0xffff;
            long mode = (directory.getInt(p + 38) & 0xffffffffL) >>> 16;
            if ((host == 3 || host == 19) && (mode & 0170000) == 0120000) {
                links.add(name(directory, p + 46, nameLength));
            }
            p += 46 + nameLength + extraLength + commentLength;
        }
        return links;
    }

    private static String name(ByteBuffer directory, int position, int length) {
        byte[] bytes = new byte[Math.min(length, Math.max(0, directory.limit() - position))];
        directory.get(position, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw invalid("it ends early");
            }
        }
        return buffer.flip();
    }

    private static AdapterRejectedException invalid(String why) {
        return new AdapterRejectedException(ARCHIVE_INVALID, "the upload is not a readable zip file: " + why);
    }
}
